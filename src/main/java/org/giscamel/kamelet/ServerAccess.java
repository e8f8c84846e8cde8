package org.giscamel.kamelet;

import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnection;
import org.giscamel.http.Credentials;

import java.net.URI;
import java.util.Optional;

/**
 * The server a Kamelet talks to: its own URL, user name and password parameters when the URL is given, else the
 * configured connection ({@code gis.arcgis.*} or {@code gis.iportal.*}) with its credentials.
 */
record ServerAccess(URI root, Optional<Credentials> credentials) {

    /**
     * @param configuredKey  the configured connection's URL key, for the message when neither is set
     * @param needsAccount   whether the server is always called with an account (a portal login)
     */
    static Optional<ServerAccess> resolve(KameletParameters parameters, String urlParameter,
                                          Optional<ServerConnection> configured, String configuredKey,
                                          boolean needsAccount) {
        GisSettings settings = parameters.settings();
        Optional<String> own = settings.httpUrl(parameters.key(urlParameter));
        if (own.isPresent()) {
            return Optional.of(new ServerAccess(URI.create(own.get()), ownCredentials(parameters, needsAccount)));
        }
        if (settings.optional(parameters.key(urlParameter)).isPresent()) {
            return Optional.empty(); // present but wrong: httpUrl recorded why
        }
        if (configured.isEmpty()) {
            settings.problem(parameters.key(urlParameter) + " is not set and neither is " + configuredKey
                    + "; set one of them");
            return Optional.empty();
        }
        return Optional.of(new ServerAccess(URI.create(configured.get().url()),
                Optional.of(configured.get().credentials())));
    }

    private static Optional<Credentials> ownCredentials(KameletParameters parameters, boolean needsAccount) {
        GisSettings settings = parameters.settings();
        Optional<String> username = settings.optional(parameters.key("username"));
        if (username.isEmpty()) {
            if (needsAccount) {
                settings.required(parameters.key("username"), "with its own server URL");
            }
            return Optional.empty();
        }
        return Optional.of(new Credentials(username.get(), settings.required(parameters.key("password"),
                "because " + parameters.key("username") + " is set")));
    }
}
