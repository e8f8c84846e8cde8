package org.giscamel.gp;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

/**
 * The flow's life with the Camel context: on start the poller takes up the stored jobs and gets its two pools
 * (status requests, output writing); on stop the poller takes no more work, downloads stop at their next read,
 * the pools get a moment to finish, and the job store closes. Nothing needs to finish first: whatever is cut
 * short is repeated by the next start, as after a kill -9. Threads are not interrupted, since an interrupt
 * closes H2's database file.
 */
final class GpFlowService extends ServiceSupport {

    private static final long STOP_MILLIS = 2_000;

    private final CamelContext context;
    private final GpJobStore store;
    private final GpPoller poller;
    private final GpFlowSettings settings;
    private final long startedAt;
    private ExecutorService polls;
    private ExecutorService downloads;

    GpFlowService(CamelContext context, GpJobStore store, GpPoller poller, GpFlowSettings settings, Clock clock) {
        this.context = context;
        this.store = store;
        this.poller = poller;
        this.settings = settings;
        this.startedAt = clock.millis();
    }

    @Override
    protected void doStart() throws Exception {
        ExecutorServiceManager pools = context.getExecutorServiceManager();
        polls = pools.newFixedThreadPool(this, "gp-poll", settings.pollThreads());
        downloads = pools.newFixedThreadPool(this, "gp-download", settings.downloadThreads());
        poller.start(polls, downloads, startedAt);
    }

    @Override
    protected void doStop() throws InterruptedException {
        ExecutorServiceManager pools = context.getExecutorServiceManager();
        poller.stop();
        if (polls != null) {
            polls.shutdown();
            downloads.shutdown();
            pools.awaitTermination(polls, STOP_MILLIS);
            pools.awaitTermination(downloads, STOP_MILLIS);
        }
        store.close();
    }
}
