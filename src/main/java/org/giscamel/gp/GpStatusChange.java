package org.giscamel.gp;

/** One entry of a job's status history: the server's status as first seen at {@code at} (epoch ms). */
public record GpStatusChange(long at, GpJobStatus status) {
}
