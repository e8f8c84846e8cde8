package org.giscamel.arcgis.geometry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One geometry in Esri JSON form, with its type and whether any of its positions has a z value. */
record EsriShape(EsriGeometryType type, ObjectNode geometry, boolean hasZ) {
}
