package org.giscamel.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timeouts, TLS trust and proxy for {@link GisHttpClient}; a JavaBean so it can be bound from configuration. */
public final class HttpSettings {

    /** Java's own default for {@code http.nonProxyHosts}: the loopback names and addresses stay direct. */
    public static final String LOOPBACK_HOSTS = "localhost|127.*|[::1]";

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private String trustStorePath;
    private String trustStorePassword;
    private String trustStoreType = "PKCS12";
    private boolean trustAllCertificates;
    private String sslContextParameters;
    private boolean useGlobalSslContextParameters;
    private String proxyHost;
    private int proxyPort;
    private String proxyUser;
    private String proxyPassword;
    private String nonProxyHosts = LOOPBACK_HOSTS;

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
        this.trustStorePath = trustStorePath == null || trustStorePath.isBlank() ? null : trustStorePath;
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

    /** The registry name of a Camel {@code SSLContextParameters} bean to use for HTTPS; null when not chosen. */
    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /** Uses the CamelContext's global SSL configuration ({@code camel.ssl.*}) for HTTPS. */
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The HTTP forward proxy every call goes through, except to {@link #getNonProxyHosts()}; null = direct. */
    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    /** User for the proxy's Basic or Digest challenge; null when the proxy asks for none. */
    public String getProxyUser() {
        return proxyUser;
    }

    public void setProxyUser(String proxyUser) {
        this.proxyUser = proxyUser;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    /**
     * Hosts reached without the proxy, as Java's {@code http.nonProxyHosts} writes them ({@code |}-separated) or
     * as a comma list; {@code *} matches any part of a name, e.g. {@code *.corp.example|10.*}. Setting it replaces
     * the default {@link #LOOPBACK_HOSTS}, as in Java.
     */
    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    /** The ways of trusting certificates that are set; more than one is a configuration mistake. */
    public List<String> tlsChoices() {
        List<String> chosen = new ArrayList<>();
        if (trustAllCertificates) {
            chosen.add("trust all certificates");
        }
        if (sslContextParameters != null) {
            chosen.add("SSLContextParameters bean " + sslContextParameters);
        }
        if (useGlobalSslContextParameters) {
            chosen.add("global camel.ssl.* configuration");
        }
        if (trustStorePath != null) {
            chosen.add("trust store " + trustStorePath);
        }
        return chosen;
    }
}
