package org.giscamel.harvest;

/** Receives a source walk's results in catalog order, on the walking thread. */
interface WalkVisitor {

    void service(SourceService service);

    void unreadable(UnreadablePart part);
}
