package org.giscamel.ogc;

import org.w3c.dom.Element;

import java.net.URI;

/** Reads the capabilities of one service type, in the versions and namespaces it recognises by the root element. */
interface CapabilitiesReader {

    boolean reads(Element root);

    OgcCapabilities read(Element root, URI linkage);
}
