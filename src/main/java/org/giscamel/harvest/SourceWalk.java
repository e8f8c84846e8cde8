package org.giscamel.harvest;

import org.giscamel.arcgis.FolderListing;
import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.arcgis.ServiceRef;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.arcgis.ServicesDirectory;
import org.giscamel.reply.GisServerException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Walks a services directory: the root, then each folder one level deep, reading the metadata of every service
 * the filter takes (in parallel within a folder) and handing each one to the visitor as a small summary as soon as
 * its folder is done. Only one folder's services are in flight at a time.
 *
 * <p>A root that cannot be read fails the walk. A folder or service that cannot be read (after the item retries)
 * is reported as an {@link UnreadablePart} and the walk goes on.
 */
final class SourceWalk {

    private final ServicesDirectory directory;
    private final ServiceFilter filter;
    private final ExecutorService pool;
    private final ItemRetry retry;

    SourceWalk(ServicesDirectory directory, ServiceFilter filter, ExecutorService pool, ItemRetry retry) {
        this.directory = directory;
        this.filter = filter;
        this.pool = pool;
        this.retry = retry;
    }

    void walk(WalkVisitor visitor) {
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
        List<ServiceRef> taken = services.stream().filter(filter::accepts).toList();
        List<Future<ServiceSummary>> reads = new ArrayList<>(taken.size());
        for (ServiceRef service : taken) {
            reads.add(pool.submit(() -> retry.call(() -> summary(service))));
        }
        for (int i = 0; i < taken.size(); i++) {
            ServiceRef service = taken.get(i);
            try {
                visitor.service(reads.get(i).get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GisServerException failure)) {
                    throw new IllegalStateException("Reading " + service.name() + " failed", e.getCause());
                }
                String url = directory.serviceUrl(service);
                visitor.unreadable(new UnreadablePart("service " + service.name() + "/" + service.type(), url,
                        failure.getMessage()));
            } catch (InterruptedException e) {
                reads.forEach(read -> read.cancel(true));
                Thread.currentThread().interrupt();
                throw new CancellationException("harvest interrupted while reading the source");
            }
        }
    }

    private ServiceSummary summary(ServiceRef service) {
        return ServiceSummary.of(directory.serviceUrl(service), service, directory.service(service));
    }
}
