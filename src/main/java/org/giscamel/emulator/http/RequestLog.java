package org.giscamel.emulator.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * What an emulator received: method, path, status and whether a token came with it (as the {@code token}
 * parameter or an {@code Authorization} / {@code X-Esri-Authorization} header). Parameter values are never kept,
 * so passwords and tokens cannot leak through it.
 */
public final class RequestLog {

    /** One logged request; status -1 is a connection dropped before any reply. */
    public record Entry(String server, String method, String path, int status, boolean withToken) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void record(Entry entry) {
        entries.add(entry);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Requests whose method matches (null = any) and whose path matches {@code pathRegex} in full. */
    public long count(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex);
        return entries.stream()
                .filter(e -> method == null || e.method().equalsIgnoreCase(method))
                .filter(e -> p.matcher(e.path()).matches())
                .count();
    }

    public void clear() {
        entries.clear();
    }
}
