package org.giscamel.harvest;

/** Receives a source walk's results in catalog order, on the walking thread. */
interface WalkVisitor {

    void service(SourceService service);

    void unreadable(UnreadablePart part);

    /** A taken service that an anonymous listing does not show: found only because the walk used a token. */
    void visibleOnlyWithToken(String service);
}
