package org.giscamel.harvest;

import org.giscamel.iportal.ServiceMetadata;
import org.giscamel.ogc.EpsgCodes;
import org.giscamel.ogc.OgcCapabilities;
import org.giscamel.ogc.OgcLayer;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How an OGC service is registered: its type ({@code WMS}, {@code WMTS}, {@code WFS}, {@code WCS}), its endpoint
 * ({@link org.giscamel.ogc.OgcEndpoint#linkage()}), and metadata from its capabilities. iPortal parses no metadata
 * of WFS 2.0 and WCS 1.1 or later itself (iportal-rest.md §7), so the registration carries what the capabilities say.
 */
final class OgcMapping {

    private OgcMapping() {
    }

    /**
     * The title gets the type, as ArcGIS titles do: one server's WMS, WFS and WCS usually share their title.
     * Keywords are the type, the service's keywords and the layer names; the reference system is the first EPSG
     * code any layer offers.
     */
    static SourceService service(OgcCapabilities caps) {
        String type = caps.type().portalType();
        String name = caps.title().isBlank() ? hostAndPath(caps.linkage()) : caps.title();
        List<String> keywords = new ArrayList<>();
        keywords.add(type);
        keywords.addAll(caps.keywords());
        caps.layers().stream().map(OgcLayer::name).forEach(keywords::add);
        keywords.removeIf(String::isBlank);
        ServiceMetadata metadata = new ServiceMetadata(name + " (" + type + ")", caps.linkage().toString(),
                caps.abstractText(), "", List.copyOf(new LinkedHashSet<>(keywords)), EpsgCodes.first(caps.crs()),
                caps.bbox().map(ServiceMetadata.Box::of));
        return new SourceService(caps.linkage().toString(), type + " " + name, type, metadata, List.of());
    }

    /** {@code host[:port]/path}: names a service without its request parameters and without any user info. */
    static String hostAndPath(URI url) {
        return url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getPath() == null ? "" : url.getPath());
    }
}
