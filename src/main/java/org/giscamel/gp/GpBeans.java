package org.giscamel.gp;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Registry;
import org.giscamel.config.GisSettings;
import org.giscamel.observe.GisMetrics;

import java.time.Clock;

/**
 * Binds the geoprocessing flow's beans from the {@code gis.gp.*} keys, for {@code routes/gp-job-template.camel.yaml}:
 * {@code gpInbox}, {@code gpSubmitter} (the drop route's steps), {@code gpPoller} (the poller route's step) and
 * {@code gpJobStore}. The shared protocol beans of {@link org.giscamel.wiring.GisBeans} are looked up at the
 * first request, so the order in which camel-main applies configurations does not matter.
 */
@Configuration
public class GpBeans implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        GisSettings settings = GisSettings.of(context.getPropertiesComponent());
        GpFlowSettings flow = GpFlowSettings.from(settings);
        settings.requireValid();
        Clock clock = Clock.systemUTC();
        GpJobStore store = new GpJobStore(flow.storeUrl(), flow.storeUsername(), flow.storePassword(), clock);
        store.open();
        GpServer server = GpServer.fromRegistry(context.getRegistry());
        GpTaskCatalog tasks = new GpTaskCatalog(server);
        GpPollSchedule schedule = new GpPollSchedule(flow.pollMinInterval(), flow.pollMaxInterval(), flow.pollBackoff());
        ProducerTemplate producer = context.createProducerTemplate();
        GisMetrics metrics = GisMetrics.of(context);
        GpInbox inbox = new GpInbox(store, clock);
        GpJobCompletion completion = new GpJobCompletion(store, inbox, producer, metrics, clock);
        WpsInputs wpsInputs = new WpsInputs(server, flow.wps());
        GpBackends backends = new GpBackends(new ArcGisGpTask(tasks, server, clock), new WpsProcess(server, wpsInputs));
        GpPoller poller = new GpPoller(store, backends, new GpDownloader(server, tasks, backends, store, producer, metrics,
                clock),
                completion, new GpRateLimiter(flow.statusRequestsPerSecond()), schedule, flow.resultsAttempts(), metrics,
                clock);
        Registry registry = context.getRegistry();
        registry.bind("gpJobStore", store);
        registry.bind("gpInbox", inbox);
        registry.bind("gpSubmitter", new GpSubmitter(tasks, wpsInputs, store, server, backends, flow, schedule,
                clock));
        registry.bind("gpPoller", poller);
        try {
            context.addService(new GpFlowService(context, store, poller, flow, clock), true, false);
        } catch (Exception e) {
            store.close();
            throw new IllegalStateException("Could not start the GP job flow", e);
        }
    }
}
