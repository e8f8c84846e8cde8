package org.giscamel.emulator.arcgis;

import java.util.List;

/** A refused Administrator API request; rendered as {@code {"status":"error","messages":[..],"code":N}}. */
final class AdminException extends RuntimeException {

    private final int code;
    private final List<String> messages;

    AdminException(int code, String... messages) {
        super(String.join(" ", messages));
        this.code = code;
        this.messages = List.of(messages);
    }

    static AdminException notFound(String resource) {
        return new AdminException(404, "Could not find resource or operation '" + resource + "' on the system.");
    }

    static AdminException missing(String parameter) {
        return new AdminException(400, "'" + parameter + "' must be specified.");
    }

    int code() {
        return code;
    }

    String[] messages() {
        return messages.toArray(String[]::new);
    }
}
