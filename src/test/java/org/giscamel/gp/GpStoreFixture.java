package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.giscamel.observe.GisMetrics;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;

/**
 * A real job store and its state machine, for tests that need jobs in given phases: every job gets there
 * through {@link GpJobLifecycle}'s transitions, as in the flow. Jobs written to a remote outbox are never completed
 * here (there is no Camel context to send their report).
 */
public final class GpStoreFixture implements AutoCloseable {

    private final GpJobStore store;
    private final GpJobLifecycle jobs;

    private GpStoreFixture(GpJobStore store, Clock clock) {
        this.store = store;
        this.jobs = new GpJobLifecycle(store, null, GisMetrics.NONE, clock);
    }

    /** An H2 store in {@code dir}; a second fixture on the same folder finds what the first recorded. */
    public static GpStoreFixture open(Path dir, Clock clock) {
        return open(h2Url(dir), "", "", clock);
    }

    public static GpStoreFixture open(String url, String username, String password, Clock clock) {
        return new GpStoreFixture(GpJobStore.open(url, username, password, 4), clock);
    }

    /** The flow's own URL form for an H2 file store in {@code dir}. */
    public static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("gp-jobs") + ";WRITE_DELAY=0";
    }

    public GpJobStore store() {
        return store;
    }

    public GpJobLifecycle jobs() {
        return jobs;
    }

    /** An ArcGIS job declaration on a made-up task. */
    public static GpJobSpec spec(String job, String output) {
        return new GpJobSpec(job, URI.create("https://gis.example.com/arcgis/rest/services/S/GPServer/T"), "Input",
                JsonNodeFactory.instance.objectNode(), output, Optional.empty(), true, Optional.empty(),
                EnumSet.allOf(GpJobSpec.FeatureFormat.class), 4326);
    }

    /** A job recorded as about to be submitted. */
    public GpJobRecord recorded(GpJobSpec spec, String inputName, Path inputPath, String sha256, long deadlineAt) {
        return jobs.record(new GpJobLifecycle.NewJob(spec, inputName, inputPath, sha256,
                JsonNodeFactory.instance.objectNode(), deadlineAt));
    }

    /** Submitted and succeeded on the server: its outputs may be written. */
    public GpJobRecord downloading(GpJobRecord job, String serverJobId) {
        GpJobRecord running = jobs.submitted(job, serverJobId, GpJobStatus.SUBMITTED, Long.MAX_VALUE);
        return jobs.succeededOnServer(running, JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.arrayNode());
    }

    /** Decided and completed, as the poller does: its report goes to its declaration's file: outbox. */
    public GpJobRecord finished(GpJobRecord job, GpJobLifecycle.End end) throws IOException {
        return jobs.complete(jobs.decide(job, end));
    }

    @Override
    public void close() {
        store.close();
    }
}
