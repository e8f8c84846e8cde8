package org.giscamel.status;

import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStore;
import org.giscamel.gp.GpOutbox;
import org.giscamel.gp.GpOutputRecord;
import org.giscamel.gp.output.OutputNames;
import org.giscamel.gp.output.UnsafeOutputNameException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The map-image outputs the status page shows as thumbnails. Only a file the job store lists as a map image of that
 * job is served, and only from the job's folder in a local outbox: a request naming anything else, or a link
 * leading out of the outbox, finds nothing.
 */
public final class MapImages {

    static final String KIND = "MAP_IMAGE";
    private static final Map<String, String> CONTENT_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "gif", "image/gif", "bmp", "image/bmp");

    /** A map image to send. */
    public record MapImage(Path file, String contentType) {
    }

    private final Supplier<GpJobStore> store;

    /** @param store the job store, or null when the application has none */
    public MapImages(Supplier<GpJobStore> store) {
        this.store = store;
    }

    /** Where the job's outputs lie, when its outbox is a local folder ({@code file:}) rather than a remote endpoint. */
    static Optional<Path> jobFolder(GpJobRecord job) {
        try {
            return GpOutbox.forUri(job.spec().output(), null).localJobFolder(job.outputFolder());
        } catch (UnsafeOutputNameException e) {
            return Optional.empty();
        }
    }

    static boolean isMapImage(GpOutputRecord output) {
        return KIND.equals(output.kind()) && contentType(output.file()).isPresent();
    }

    public Optional<MapImage> find(String jobId, String fileName) {
        GpJobStore jobs = store.get();
        if (jobs == null || jobId == null || fileName == null) {
            return Optional.empty();
        }
        Optional<GpJobRecord> job = jobs.find(jobId);
        boolean listed = job.isPresent() && jobs.outputs(jobId).stream()
                .anyMatch(o -> o.file().equals(fileName) && isMapImage(o));
        if (!listed) {
            return Optional.empty();
        }
        return jobFolder(job.get()).flatMap(folder -> inside(folder, fileName))
                .map(file -> new MapImage(file, contentType(fileName).orElseThrow()));
    }

    /** The file, when it is a regular file whose real location is inside the folder. */
    private static Optional<Path> inside(Path folder, String fileName) {
        try {
            Path file = OutputNames.resolveInside(folder, fileName);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || !file.toRealPath().startsWith(folder.toRealPath())) {
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (UnsafeOutputNameException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> contentType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(CONTENT_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}
