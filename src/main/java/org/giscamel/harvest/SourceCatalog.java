package org.giscamel.harvest;

import java.util.List;

/** Where a source's services are read from: the kind of source, and what its walk needs. */
public sealed interface SourceCatalog permits ArcGisCatalog, OgcCatalog {

    /** As {@code gis.harvest.source.<id>.kind} names it. */
    String kind();

    /** The addresses the walk reads, as the report shows them. */
    List<String> urls();
}
