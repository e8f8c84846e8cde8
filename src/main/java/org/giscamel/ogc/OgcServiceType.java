package org.giscamel.ogc;

import java.util.Locale;
import java.util.Optional;

/** The OGC services the harvester reads; each name is also the iPortal registration {@code type}. */
public enum OgcServiceType {
    WMS, WMTS, WFS, WCS;

    /** The iPortal {@code type} (SourceType) a registration of this service carries. */
    public String portalType() {
        return name();
    }

    /** The type named by a {@code SERVICE} parameter, in any case. */
    public static Optional<OgcServiceType> fromServiceParameter(String value) {
        for (OgcServiceType type : values()) {
            if (type.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
