package org.giscamel.ops;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.giscamel.reply.GisServerException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A readiness check of something the flows depend on. Readiness only: a portal that is down makes the
 * application not ready ({@code /observe/health/ready}) but never not live, so an orchestrator stops sending it
 * work instead of restarting it. The answer is reused for a while, so probes do not load the servers.
 * Messages name the server and the step, never a credential.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    /** What one probe found. */
    record Finding(boolean up, String message) {
    }

    private final Duration reuse;
    private final Clock clock;
    private Finding last;
    private Instant lastAt;

    ReadinessCheck(String id, Duration reuse, Clock clock) {
        super("gis", id);
        this.reuse = reuse;
        this.clock = clock;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Finding finding = finding();
        builder.state(finding.up() ? State.UP : State.DOWN).message(finding.message());
    }

    /** Probes at most once per reuse period; concurrent callers wait for the one probe. */
    synchronized Finding finding() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(lastAt.plus(reuse))) {
            last = probeSafely();
            lastAt = now;
        }
        return last;
    }

    /** Probes once; throws a {@link GisServerException} (or another exception) when the dependency is not ready. */
    abstract Finding probe();

    private Finding probeSafely() {
        try {
            return probe();
        } catch (GisServerException e) {
            return new Finding(false, e.getMessage());
        } catch (RuntimeException e) {
            return new Finding(false, getId() + ": " + e.getMessage());
        }
    }
}
