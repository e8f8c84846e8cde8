package org.giscamel.ogc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/** The capabilities documents under {@code src/test/resources/ogc/}. */
final class OgcFixtures {

    static final URI LINKAGE = URI.create("https://maps.example.com/ows?SERVICE=WMS");

    private OgcFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OgcFixtures.class.getResourceAsStream("/ogc/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OgcCapabilities parse(String name) {
        return OgcCapabilitiesParser.parse(bytes(name), LINKAGE);
    }
}
