package org.giscamel.gp;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.GisRequest;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task metadata, read once per task URL and kept: every drop and every poll needs it, and a task's parameters
 * do not change while the application runs. A failed read is not kept, so the next use tries again.
 */
public final class GpTaskCatalog {

    private final GpServer server;
    private final Map<URI, GpTaskInfo> tasks = new ConcurrentHashMap<>();

    public GpTaskCatalog(GpServer server) {
        this.server = server;
    }

    public GpTaskInfo task(URI taskUrl) {
        GpTaskInfo known = tasks.get(taskUrl);
        if (known != null) {
            return known;
        }
        JsonNode task = server.call("read GP task metadata", GisRequest.get(taskUrl));
        JsonNode service = server.call("read GP service metadata", GisRequest.get(GpTaskInfo.serviceUrl(taskUrl)));
        GpTaskInfo info = GpTaskInfo.of(taskUrl, task, service);
        tasks.putIfAbsent(taskUrl, info);
        return info;
    }
}
