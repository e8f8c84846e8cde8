package org.giscamel.token;

import org.giscamel.http.Credentials;

/**
 * Where the user name and password for a server come from; asked again at every token refresh, so a provider
 * backed by a secret store picks up a rotated password.
 */
@FunctionalInterface
public interface CredentialsProvider {

    Credentials credentials();

    static CredentialsProvider of(Credentials credentials) {
        return () -> credentials;
    }
}
