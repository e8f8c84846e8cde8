package org.giscamel.harvest;

/**
 * The figures of a run: what the source and the portal held, what was planned, and how the writes went.
 *
 * @param servicesRead     services read from the source (after the filter)
 * @param owned            registrations carrying the source's marker
 * @param unreadableParts  folders or services that could not be read
 * @param failed           writes that failed after their retries
 */
public record HarvestCounts(int servicesRead, int owned, int unreadableParts, long create, long update, long delete,
                            long unchanged, long keep, long done, long failed) {
}
