package org.giscamel.http;

import java.time.Duration;

/** Timeouts and TLS trust for {@link GisHttpClient}; a JavaBean so it can be bound from configuration. */
public final class HttpSettings {

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private String trustStorePath;
    private String trustStorePassword;
    private String trustStoreType = "PKCS12";
    private boolean trustAllCertificates;

    public static HttpSettings defaults() {
        return new HttpSettings();
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** How long to wait for the reply headers unless a request sets its own timeout. */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** A trust store holding the servers' certificates (e.g. self-signed ones); null uses the JDK's. */
    public String getTrustStorePath() {
        return trustStorePath;
    }

    public void setTrustStorePath(String trustStorePath) {
        this.trustStorePath = trustStorePath;
    }

    public String getTrustStorePassword() {
        return trustStorePassword;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = trustStorePassword;
    }

    public String getTrustStoreType() {
        return trustStoreType;
    }

    public void setTrustStoreType(String trustStoreType) {
        this.trustStoreType = trustStoreType;
    }

    /** Accepts any certificate and host name; off unless explicitly chosen, for lab servers only. */
    public boolean isTrustAllCertificates() {
        return trustAllCertificates;
    }

    public void setTrustAllCertificates(boolean trustAllCertificates) {
        this.trustAllCertificates = trustAllCertificates;
    }
}
