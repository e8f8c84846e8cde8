package org.giscamel.harvest;

/**
 * One read of a source's catalog. A catalog that cannot be read at all fails the walk; a part of it that cannot be
 * read (after the item retries) is handed on as an {@link UnreadablePart}, so its registrations are kept.
 */
interface CatalogWalk {

    void walk(WalkVisitor visitor);
}
