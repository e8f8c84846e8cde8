package org.giscamel.inbox;

import java.nio.file.Path;

/**
 * An inbox entry that is not read, and why.
 *
 * @param entry      the entry as it lies in the inbox (its real name, not Camel's reading of it)
 * @param name       the name it was dropped under, for the error record
 * @param storedName the same name made safe to store in the inbox's failed folder: no folder separator, no {@code ..}
 * @param reasonCode {@code unsafe-name} or {@code symbolic-link}
 * @param reason     a sentence for the error record, naming the entry and saying what to do instead
 */
public record RefusedDrop(Path entry, String name, String storedName, String reasonCode, String reason) {
}
