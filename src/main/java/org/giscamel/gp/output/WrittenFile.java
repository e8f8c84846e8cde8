package org.giscamel.gp.output;

import java.nio.file.Path;

/** A file written in full, with the size and SHA-256 (lower-case hex) that {@code job.json} lists for it. */
public record WrittenFile(Path path, long size, String sha256) {
}
