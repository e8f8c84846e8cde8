package org.giscamel.harvest;

import org.giscamel.arcgis.FolderListing;
import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.arcgis.ServiceRef;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.arcgis.ServicesDirectory;
import org.giscamel.reply.GisServerException;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Walks an ArcGIS services directory: the root, then each folder one level deep, reading the metadata of every
 * service the filter takes (in parallel within a folder) and handing each one on as soon as its folder is done.
 * Only one folder's services are in flight at a time.
 *
 * <p>A root that cannot be read fails the walk. A folder or service that cannot be read (after the item retries)
 * is reported as an {@link UnreadablePart} and the walk goes on.
 */
final class ArcGisWalk implements CatalogWalk {

    private final ServicesDirectory directory;
    private final ServiceFilter filter;
    private final ExecutorService pool;
    private final ItemRetry retry;

    ArcGisWalk(ServicesDirectory directory, ServiceFilter filter, ExecutorService pool, ItemRetry retry) {
        this.directory = directory;
        this.filter = filter;
        this.pool = pool;
        this.retry = retry;
    }

    @Override
    public void walk(WalkVisitor visitor) {
        FolderListing root = directory.root();
        read(root.services(), visitor);
        for (String folder : root.folders()) {
            if (!filter.mayTakeFrom(folder)) {
                continue;
            }
            FolderListing listing;
            try {
                listing = retry.call(() -> directory.folder(folder));
            } catch (GisServerException e) {
                visitor.unreadable(new UnreadablePart("folder " + folder, directory.folderUrl(folder), e.getMessage()));
                continue;
            }
            read(listing.services(), visitor);
        }
    }

    private void read(List<ServiceRef> services, WalkVisitor visitor) {
        ParallelReads.inOrder(pool, retry, services.stream().filter(filter::accepts).toList(), this::service,
                visitor::service, (service, failure) -> visitor.unreadable(new UnreadablePart(
                        "service " + service.name() + "/" + service.type(), directory.serviceUrl(service),
                        failure.getMessage())));
    }

    private SourceService service(ServiceRef service) {
        return ArcGisMapping.service(ServiceSummary.of(directory.serviceUrl(service), service,
                directory.service(service)));
    }
}
