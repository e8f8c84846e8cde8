package org.giscamel.inbox;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code filter} of a file-drop route's consumer: keeps out the inbox entries that the route cannot read
 * safely, and has the inbox put them in its failed folder with an error record, so that none is lost or left
 * behind.
 * <ul>
 *   <li>A name with a backslash. Camel's file component turns every {@code \} into {@code /} in the paths it builds,
 *       so {@code x\..\..\evil.geojson} would be read, and moved, as {@code x/../../evil.geojson}: another file, or
 *       one outside the inbox. The file itself can never be taken.</li>
 *   <li>A symbolic link. It may point anywhere, and reading through it could read files outside the inbox.</li>
 * </ul>
 * Camel cannot carry such an entry through a route under its own name, so it is refused while the folder is
 * listed, before Camel builds a path from its name or reads it: the inbox's {@link Refusals} move the entry itself
 * (never a link's target) into its failed folder, under {@link RefusedDrop#storedName()}. A move within the inbox
 * is a rename, which keeps the content whole, even of a file still being written. Steps that read an entry the
 * poll let through call {@link #requireSafe} again, for a file swapped for a link in between.
 */
public final class DropGuard implements GenericFileFilter<File> {

    /** What an inbox does with an entry it refuses: moves it to its failed folder, beside an error record. */
    @FunctionalInterface
    public interface Refusals {
        void refuse(RefusedDrop drop) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DropGuard.class);

    private final Refusals refusals;

    public DropGuard(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        // the entry as listed: GenericFile's own names and paths already have Camel's reading of a backslash
        Optional<RefusedDrop> refused = check(file.getFile().toPath());
        if (refused.isEmpty()) {
            return true;
        }
        try {
            refusals.refuse(refused.get());
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: {}; it could not be moved to the failed folder, and is tried again at the next poll: {}",
                    refused.get().entry(), refused.get().reason(), e.toString());
        }
        return false;
    }

    /** Why an inbox entry must not be read, when it must not. Never follows a link. */
    public static Optional<RefusedDrop> check(Path entry) {
        String name = entry.getFileName().toString();
        if (name.indexOf('\\') >= 0) {
            return Optional.of(new RefusedDrop(entry, name, safeName(name), "unsafe-name", "the name '" + name
                    + "' is refused: Camel's file component reads '\\' as a folder separator, so the file would be read"
                    + " from another path" + (name.contains("..") ? ", here outside its folder" : "")
                    + "; rename it without '\\' and drop it again"));
        }
        if (Files.isSymbolicLink(entry)) {
            return Optional.of(new RefusedDrop(entry, name, safeName(name), "symbolic-link", "'" + name
                    + "' is refused: it is a symbolic link" + linkTarget(entry) + ", and reading through a link could"
                    + " read a file outside the inbox; drop a copy of the file itself"));
        }
        return Optional.empty();
    }

    /** For a step handed an entry that the poll let through: it may have been swapped for a link since. */
    public static void requireSafe(Path entry) {
        check(entry).ifPresent(refused -> {
            throw new RefusedDropException(refused);
        });
    }

    /** The name with every folder separator made {@code _} and every run of dots one dot. */
    static String safeName(String name) {
        return name.replaceAll("[\\\\/]", "_").replaceAll("\\.{2,}", ".");
    }

    private static String linkTarget(Path link) {
        try {
            return " to " + Files.readSymbolicLink(link);
        } catch (IOException e) {
            return "";
        }
    }
}
