package org.giscamel.harvest;

import org.giscamel.arcgis.FolderListing;
import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.arcgis.ServiceRef;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.arcgis.ServicesDirectory;
import org.giscamel.reply.GisServerException;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Walks an ArcGIS services directory: the root, then each folder one level deep, reading the metadata of every
 * service the filter takes (in parallel within a folder) and handing each one on as soon as its folder is done.
 * Only one folder's services are in flight at a time.
 *
 * <p>A root that cannot be read fails the walk. A folder or service that cannot be read (after the item retries)
 * is reported as an {@link UnreadablePart} and the walk goes on. When the directory is read with a token, each
 * listing is also read anonymously, so that the services only a token shows are reported as such.
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
        read(FolderListing.ROOT, root.services(), visitor);
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
            read(folder, listing.services(), visitor);
        }
    }

    private void read(String folder, List<ServiceRef> services, WalkVisitor visitor) {
        List<ServiceRef> taken = services.stream().filter(filter::accepts).toList();
        if (directory.readsWithToken() && !taken.isEmpty()) {
            reportTokenOnly(folder, taken, visitor);
        }
        ParallelReads.inOrder(pool, retry, taken, this::service,
                visitor::service, (service, failure) -> visitor.unreadable(new UnreadablePart(
                        "service " + service.name() + "/" + service.type(), directory.serviceUrl(service),
                        failure.getMessage())));
    }

    private void reportTokenOnly(String folder, List<ServiceRef> taken, WalkVisitor visitor) {
        Set<ServiceRef> anonymous;
        try {
            anonymous = retry.call(() -> directory.anonymouslyListed(folder));
        } catch (GisServerException unknown) {
            // Visibility is a note in the report; the walk itself does not depend on it.
            return;
        }
        taken.stream().filter(s -> !anonymous.contains(s))
                .forEach(s -> visitor.visibleOnlyWithToken(s.name() + "/" + s.type()));
    }

    private SourceService service(ServiceRef service) {
        return ArcGisMapping.service(ServiceSummary.of(directory.serviceUrl(service), service,
                directory.service(service)));
    }
}
