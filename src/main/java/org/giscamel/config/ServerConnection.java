package org.giscamel.config;

import org.giscamel.http.Credentials;

/** A server root URL and the account used on it. */
public record ServerConnection(String url, Credentials credentials) {
}
