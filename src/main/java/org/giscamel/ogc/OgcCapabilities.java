package org.giscamel.ogc;

import org.giscamel.geo.LonLatBox;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a service's GetCapabilities says about it, as far as a catalog needs it. Texts the server leaves out are
 * empty strings; keywords are kept once each, in order.
 *
 * @param version the version the server answered with, which negotiation may have lowered from the one asked
 * @param linkage the address to register for the service (see {@link OgcEndpoint#linkage()})
 */
public record OgcCapabilities(OgcServiceType type, String version, String title, String abstractText,
                              List<String> keywords, List<OgcLayer> layers, URI linkage) {

    public OgcCapabilities {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(abstractText, "abstractText");
        Objects.requireNonNull(linkage, "linkage");
        keywords = List.copyOf(new LinkedHashSet<>(keywords));
        layers = List.copyOf(layers);
    }

    /** The box around every layer's box, in WGS84 degrees; none when no layer states one. */
    public Optional<LonLatBox> bbox() {
        return layers.stream().flatMap(layer -> layer.bbox().stream()).reduce((a, b) -> new LonLatBox(
                Math.min(a.west(), b.west()), Math.min(a.south(), b.south()),
                Math.max(a.east(), b.east()), Math.max(a.north(), b.north())));
    }

    /** Every reference system some layer offers, in the order they first appear. */
    public List<String> crs() {
        Set<String> all = new LinkedHashSet<>();
        layers.forEach(layer -> all.addAll(layer.crs()));
        return List.copyOf(all);
    }

    public Optional<OgcLayer> layer(String name) {
        return layers.stream().filter(layer -> layer.name().equals(name)).findFirst();
    }
}
