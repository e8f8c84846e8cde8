package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceSummary;

/** Receives a source walk's results folder by folder, in catalog order, on the walking thread. */
interface WalkVisitor {

    void service(ServiceSummary service);

    void unreadable(UnreadablePart part);
}
