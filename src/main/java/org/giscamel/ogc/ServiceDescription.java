package org.giscamel.ogc;

import java.util.List;

/** The service-level texts every capabilities version carries somewhere. */
record ServiceDescription(String title, String abstractText, List<String> keywords) {
}
