package org.giscamel.emulator.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One armed fault: applies to requests whose method and path match, for the next {@code times} matches
 * ({@code times < 0} means until cleared).
 */
public final class FaultRule {

    private final Fault fault;
    private final String method;
    private final Pattern pathPattern;
    private final AtomicInteger remaining;
    private final long delayMillis;

    public FaultRule(Fault fault, String method, String pathRegex, int times, long delayMillis) {
        this.fault = fault;
        this.method = method == null || method.isBlank() ? null : method.toUpperCase();
        this.pathPattern = Pattern.compile(pathRegex == null || pathRegex.isBlank() ? ".*" : pathRegex);
        this.remaining = new AtomicInteger(times);
        this.delayMillis = delayMillis;
    }

    public Fault fault() {
        return fault;
    }

    public long delayMillis() {
        return delayMillis;
    }

    boolean appliesTo(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod)) && pathPattern.matcher(path).find();
    }

    /** Uses one shot of the rule; false once it is spent. */
    boolean consume() {
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    boolean spent() {
        return remaining.get() == 0;
    }
}
