package org.giscamel.gp;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;
import org.giscamel.observe.GisMetrics;
import org.giscamel.wiring.GisBeans;

import java.time.Clock;

/**
 * Binds the geoprocessing flow's beans from the {@code gis.*} keys, for {@code routes/gp-job-template.camel.yaml}:
 * {@code gpInbox}, {@code gpSubmitter} (the drop route's steps), {@code gpPoller}, {@code gpDownloader} and
 * {@code gpJobLifecycle} (the poller route's steps), {@code gpJobStore}, the poller's pools {@code gpPollThreads}
 * and {@code gpDownloadThreads}, and {@code gpDropRetryPolicy}. The shared protocol beans of
 * {@link GisBeans} are looked up at the first request, so the order in which camel-main applies configurations
 * does not matter.
 */
@Configuration
public class GpBeans implements CamelConfiguration {

    /** Connections beyond one per worker thread: the drop routes, the status page, the metrics. */
    private static final int SPARE_CONNECTIONS = 4;

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        GpFlowSettings flow = GpFlowSettings.from(settings);
        RedeliveryPolicy dropRetries = dropRetryPolicy(settings);
        settings.requireValid();
        Clock clock = Clock.systemUTC();
        GpJobStore store = GpJobStore.open(flow.storeUrl(), flow.storeUsername(), flow.storePassword(),
                flow.pollThreads() + flow.downloadThreads() + SPARE_CONNECTIONS);
        GpServer server = GpServer.fromRegistry(context.getRegistry());
        GpTaskCatalog tasks = new GpTaskCatalog(server);
        GpPollSchedule schedule = new GpPollSchedule(flow.pollMinInterval(), flow.pollMaxInterval(), flow.pollBackoff());
        ProducerTemplate producer = context.createProducerTemplate();
        GisMetrics metrics = GisMetrics.of(context);
        GpJobLifecycle jobs = new GpJobLifecycle(store, producer, metrics, clock);
        WpsInputs wpsInputs = new WpsInputs(server, flow.wps());
        GpBackends backends = new GpBackends(new ArcGisGpTask(tasks, server, clock), new WpsProcess(server, wpsInputs));
        GpPoller poller = new GpPoller(store, jobs, backends, new GpRateLimiter(flow.statusRequestsPerSecond()),
                schedule, flow.resultsAttempts(), metrics, clock);
        GpDownloader downloader = new GpDownloader(server, tasks, backends, store, jobs, producer, metrics, clock);
        GpFlowService service = new GpFlowService(context, store, jobs, poller, downloader, flow, clock);
        Registry registry = context.getRegistry();
        registry.bind("gpJobStore", store);
        registry.bind("gpJobLifecycle", jobs);
        registry.bind("gpInbox", new GpInbox(jobs, store, dropRetries.getMaximumRedeliveries(), clock));
        registry.bind("gpSubmitter", new GpSubmitter(tasks, wpsInputs, jobs, store, server, backends, flow, schedule,
                clock));
        registry.bind("gpPoller", poller);
        registry.bind("gpDownloader", downloader);
        registry.bind(GpFlowService.POLL_THREADS, service.pollThreads());
        registry.bind(GpFlowService.DOWNLOAD_THREADS, service.downloadThreads());
        registry.bind("gpDropRetryPolicy", dropRetries);
        try {
            context.addService(service, true, false);
        } catch (Exception e) {
            store.close();
            throw new IllegalStateException("Could not start the GP job flow", e);
        }
    }

    /**
     * The shared retry policy ({@code gis.retry.*}) for the drop route, where {@link GpInbox#retryable} decides and
     * logs each retry and {@link GpInbox#reject} logs the end: Camel's own lines would say the same again.
     */
    private static RedeliveryPolicy dropRetryPolicy(GisSettings settings) {
        RedeliveryPolicy policy = GisBeans.retryPolicy(settings);
        policy.setLogRetryAttempted(false);
        policy.setLogExhausted(false);
        return policy;
    }
}
