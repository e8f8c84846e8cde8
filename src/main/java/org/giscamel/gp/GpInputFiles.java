package org.giscamel.gp;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * A job's input file on disk. While its job runs it lies under {@code <inbox>/processing/}; when the job ends it
 * moves to {@code done/}, or to {@code failed/} beside {@code <name>.error.json}, which names the step, the reason
 * and the server's messages. A file is never overwritten: a name taken in that folder, by a file or by an error
 * file, gets a number ({@code points-1.geojson}). The error file is written first and claims the name, so the file
 * that follows it, moved here or by Camel's {@code moveFailed}, never lands on another's.
 */
final class GpInputFiles {

    static final String PROCESSING = "processing";
    static final String DONE = "done";
    static final String FAILED = "failed";
    private static final String ERROR_SUFFIX = ".error.json";

    private GpInputFiles() {
    }

    /** The inbox an input belongs to: the folder that holds its {@code processing/}, else the folder it lies in. */
    static Path inboxOf(Path input) {
        for (Path folder = input.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
            if (folder.getFileName() != null && folder.getFileName().toString().equals(PROCESSING)) {
                return folder.getParent();
            }
        }
        return input.toAbsolutePath().getParent();
    }

    /** The job ended: its input moves to {@code done/}, or to {@code failed/} beside its error file. */
    static void finish(GpJobRecord job, GpFailure failure, Clock clock) throws IOException {
        Path input = job.inputPath();
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            return; // moved before a restart interrupted the job's last steps
        }
        Path inbox = inboxOf(input);
        if (failure == null) {
            moveInto(input, inbox.resolve(DONE), job.inputName());
        } else {
            moveToFailed(input, inbox, job.inputName(), error(job.inputName(), job.jobName(), job.id(),
                    job.serverJobId().orElse(null), failure, clock));
        }
        removeIfEmpty(input.getParent());
    }

    /** Moves {@code file} (a link itself, not its target) into the inbox's {@code failed/}, after its error file. */
    static Path moveToFailed(Path file, Path inbox, String name, ObjectNode error) throws IOException {
        Path failed = inbox.resolve(FAILED);
        String kept = writeError(failed, name, error);
        return Files.move(file, failed.resolve(kept));
    }

    /**
     * Writes the error file of an input to be kept in {@code failed} as {@code name}, or as the first free numbered
     * name.
     *
     * @return the name the input is to be kept under; its error file is {@code <name>.error.json}
     */
    static String writeError(Path failed, String name, ObjectNode error) throws IOException {
        Files.createDirectories(failed);
        byte[] content = GpJson.pretty(error);
        for (int n = 0; ; n++) {
            String candidate = numbered(name, n);
            if (Files.exists(failed.resolve(candidate), LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.write(failed.resolve(candidate + ERROR_SUFFIX), content, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                // another failure holds this name; try the next
            }
        }
    }

    /** What {@code <name>.error.json} holds; {@code jobId} and {@code serverJobId} when the job got that far. */
    static ObjectNode error(String file, String jobName, String jobId, String serverJobId, GpFailure failure,
                            Clock clock) {
        ObjectNode error = GpJson.object().put("file", file);
        if (jobName != null) {
            error.put("job", jobName);
        }
        if (jobId != null) {
            error.put("jobId", jobId);
        }
        if (serverJobId != null) {
            error.put("serverJobId", serverJobId);
        }
        error.put("failedAt", GpJson.time(clock.millis()));
        error.setAll(failure.toJson());
        return error;
    }

    /** Moves {@code file} into {@code folder} as {@code name}, or with {@code -1}, {@code -2}.. when taken. */
    private static Path moveInto(Path file, Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        for (int n = 0; ; n++) {
            Path target = folder.resolve(numbered(name, n));
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(target.resolveSibling(target.getFileName() + ERROR_SUFFIX))) {
                try {
                    return Files.move(file, target);
                } catch (FileAlreadyExistsException taken) {
                    // another thread took the name just now; try the next
                }
            }
        }
    }

    private static String numbered(String name, int n) {
        if (n == 0) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }

    /** The folder a drop had of its own under {@code processing/} goes once its file has moved on. */
    private static void removeIfEmpty(Path folder) throws IOException {
        if (folder.getFileName() == null || folder.getFileName().toString().equals(PROCESSING)) {
            return;
        }
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException notEmpty) {
            // not a folder of its own after all
        }
    }
}
