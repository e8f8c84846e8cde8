package org.giscamel.http;

import java.util.Objects;

/** A user name and password for a GIS server. The password never appears in {@link #toString()}. */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
