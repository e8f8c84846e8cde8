package org.giscamel.http;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Hands the TLS trust {@link HttpSettings} asks for to camel-http's component, always as Camel
 * {@link SSLContextParameters}: a bean of the registry, the context's global {@code camel.ssl.*} configuration, one
 * built from the trust-store keys, or one that trusts everything. Nothing chosen leaves the JVM's default trust.
 */
final class TlsSetup {

    private TlsSetup() {
    }

    static void configure(HttpComponent component, CamelContext context, HttpSettings settings) {
        List<String> chosen = settings.tlsChoices();
        if (chosen.size() > 1) {
            throw new IllegalArgumentException("Choose one way to trust the servers' certificates, not " + chosen);
        }
        if (settings.isTrustAllCertificates()) {
            component.setSslContextParameters(trusting(new TrustEverything()));
            component.setX509HostnameVerifier(NoopHostnameVerifier.INSTANCE);
        } else if (settings.getSslContextParameters() != null) {
            component.setSslContextParameters(bean(context, settings.getSslContextParameters()));
        } else if (settings.isUseGlobalSslContextParameters()) {
            if (context.getSSLContextParameters() == null) {
                throw new IllegalArgumentException("The global SSL configuration is to be used, but the CamelContext"
                        + " has none; set camel.ssl.enabled=true and the camel.ssl.* keys");
            }
            component.setUseGlobalSslContextParameters(true);
        } else if (settings.getTrustStorePath() != null) {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource("file:" + Path.of(settings.getTrustStorePath()).toAbsolutePath());
            store.setType(settings.getTrustStoreType());
            store.setPassword(settings.getTrustStorePassword());
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(trust);
            component.setSslContextParameters(parameters);
        }
    }

    /** What the failure to set up TLS is about, for its message; never a password. */
    static String subject(HttpSettings settings) {
        if (settings.getTrustStorePath() != null) {
            return "the trust store " + settings.getTrustStorePath();
        }
        if (settings.getSslContextParameters() != null) {
            return "the SSLContextParameters bean " + settings.getSslContextParameters();
        }
        return settings.isUseGlobalSslContextParameters() ? "the global camel.ssl.* configuration" : "TLS";
    }

    private static SSLContextParameters bean(CamelContext context, String reference) {
        String name = reference.startsWith("#bean:") ? reference.substring(6)
                : reference.startsWith("#") ? reference.substring(1) : reference;
        SSLContextParameters found = CamelContextHelper.lookup(context, name, SSLContextParameters.class);
        if (found == null) {
            throw new IllegalArgumentException("The registry holds no SSLContextParameters bean named " + name);
        }
        return found;
    }

    private static SSLContextParameters trusting(X509ExtendedTrustManager manager) {
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(manager);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /**
     * Accepts every chain. Being an extended trust manager matters: the JDK checks the host name inside a plain
     * trust manager when the connection asks for endpoint identification, so this one lets a certificate issued for
     * another name through too.
     */
    private static final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
