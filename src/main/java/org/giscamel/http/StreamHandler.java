package org.giscamel.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;

/** Consumes a successful streamed reply, e.g. copies a multi-GB raster to disk. */
@FunctionalInterface
public interface StreamHandler<T> {
    T read(HttpHeaders headers, InputStream body) throws IOException;
}
