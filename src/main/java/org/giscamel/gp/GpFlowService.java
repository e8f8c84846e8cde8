package org.giscamel.gp;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.ShutdownStrategy;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The flow's life with the Camel context. It owns the poller route's two pools: {@code gpPollThreads} (the
 * split's threads: status requests and completions) and {@code gpDownloadThreads} (output downloads). On start
 * the stored jobs are taken up. When the context begins to stop (SIGTERM), the poller takes no more work; the work
 * under way carries on, a job's end included (job.json, the input's move to done/), until the shutdown timeout
 * ({@code camel.main.shutdown-timeout}) counted from that moment. Whatever still runs then is cut at its next read,
 * discards its hidden temp file (never a file under its final name), records nothing more, and is repeated by the
 * next start, as after a kill -9, which also removes a temp file the process had no time to discard. The job store
 * closes last.
 *
 * <p>The work is awaited once the routes have stopped, while the endpoints and components an output may be written
 * to are still there. The pools are plain JDK executors of this service's own: Camel shuts the pools it manages
 * down itself while the context stops. Threads are never interrupted, since an interrupt closes H2's database file.
 */
final class GpFlowService extends ServiceSupport {

    /** How long work that was cut gets to notice it and discard its partial file. */
    private static final Duration CUT_GRACE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(GpFlowService.class);

    /** Registry names of the pools, as routes/gp-job-template.camel.yaml refers to them. */
    static final String POLL_THREADS = "gpPollThreads";
    static final String DOWNLOAD_THREADS = "gpDownloadThreads";

    private final CamelContext context;
    private final GpJobStore store;
    private final GpJobLifecycle jobs;
    private final GpPoller poller;
    private final GpDownloader downloader;
    private final long startedAt;
    private final ExecutorService polls;
    private final ExecutorService downloads;
    private volatile long stopBeganNanos;
    private boolean workEnded;

    GpFlowService(CamelContext context, GpJobStore store, GpJobLifecycle jobs, GpPoller poller,
                  GpDownloader downloader, GpFlowSettings settings, Clock clock) {
        this.context = context;
        this.store = store;
        this.jobs = jobs;
        this.poller = poller;
        this.downloader = downloader;
        this.startedAt = clock.millis();
        this.polls = pool("gp-poll", settings.pollThreads());
        this.downloads = pool("gp-download", settings.downloadThreads());
    }

    ExecutorService pollThreads() {
        return polls;
    }

    ExecutorService downloadThreads() {
        return downloads;
    }

    @Override
    protected void doInit() {
        StopWatcher watcher = new StopWatcher();
        context.getManagementStrategy().addEventNotifier(watcher);
        ServiceHelper.startService(watcher);
    }

    @Override
    protected void doStart() {
        poller.start(startedAt);
    }

    @Override
    protected void doStop() {
        endWork();
        store.close();
    }

    /** Lets the work under way finish within the shutdown timeout, then cuts what is left. */
    private synchronized void endWork() {
        if (workEnded) {
            return;
        }
        workEnded = true;
        poller.drain();
        polls.shutdown();
        downloads.shutdown();
        ShutdownStrategy shutdown = context.getShutdownStrategy();
        long timeout = shutdown.getTimeUnit().toNanos(shutdown.getTimeout());
        long deadline = (stopBeganNanos != 0 ? stopBeganNanos : System.nanoTime()) + timeout;
        if (poller.inFlight() > 0) {
            LOG.info("Stopping: the GP work under way for {} job(s) (output downloads, status requests) may finish "
                    + "within {}", poller.inFlight(), duration(deadline - System.nanoTime()));
        }
        boolean finished = awaitUntil(downloads, deadline) && awaitUntil(polls, deadline);
        jobs.cut();
        downloader.cut();
        if (!finished) {
            LOG.warn("The shutdown timeout of {} ended with GP work under way for {} job(s): it is cut, and done again "
                    + "at the next start", duration(timeout), poller.inFlight());
            long grace = System.nanoTime() + CUT_GRACE.toNanos();
            awaitUntil(downloads, grace);
            awaitUntil(polls, grace);
        }
    }

    private static String duration(long nanos) {
        return TimeUtils.printDuration(Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos)), true);
    }

    private static boolean awaitUntil(ExecutorService pool, long deadlineNanos) {
        try {
            return pool.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pool.isTerminated();
        }
    }

    /** Daemon threads, as Camel's own: a cut download never holds the JVM open. */
    private static ExecutorService pool(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * When the context begins to stop, the time starts and the poller takes no more work; once its routes have
     * stopped, the work under way is awaited.
     */
    private final class StopWatcher extends EventNotifierSupport {

        StopWatcher() {
            setIgnoreExchangeEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.CamelContextStoppingEvent
                    || event instanceof CamelEvent.CamelContextRoutesStoppedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (event.getSource() != context) {
                return;
            }
            if (event instanceof CamelEvent.CamelContextStoppingEvent) {
                stopBeganNanos = System.nanoTime();
                poller.drain();
            } else if (stopBeganNanos != 0) {
                endWork();
            }
        }
    }
}
