package org.giscamel.ogc;

import java.util.List;

/**
 * A reply that is not the capabilities document it should be: an OGC exception report (its texts are the
 * reasons), a document of another kind, or no well-formed XML at all.
 */
public final class CapabilitiesFormatException extends RuntimeException {

    private final List<String> reasons;

    CapabilitiesFormatException(String summary, List<String> reasons) {
        super(reasons.isEmpty() ? summary : summary + ": " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    /** The server's exception texts, or what is wrong with the document. */
    public List<String> reasons() {
        return reasons;
    }
}
