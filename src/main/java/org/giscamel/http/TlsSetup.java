package org.giscamel.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Builds the TLS context {@link HttpSettings} asks for. */
final class TlsSetup {

    private TlsSetup() {
    }

    /** Empty when the JDK defaults apply. */
    static Optional<SSLContext> sslContext(HttpSettings settings) {
        try {
            if (settings.isTrustAllCertificates()) {
                return Optional.of(context(new TrustManager[] {new TrustEverything()}));
            }
            if (settings.getTrustStorePath() != null && !settings.getTrustStorePath().isBlank()) {
                return Optional.of(context(trustStoreManagers(settings)));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("Cannot load the trust store " + settings.getTrustStorePath()
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static TrustManager[] trustStoreManagers(HttpSettings settings) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(settings.getTrustStoreType());
        char[] password = settings.getTrustStorePassword() == null ? null : settings.getTrustStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(settings.getTrustStorePath()))) {
            store.load(in, password);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static SSLContext context(TrustManager[] managers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers, null);
        return context;
    }

    /**
     * Accepts every chain. Being an extended trust manager matters: the JDK client checks the host name inside
     * the trust manager, so this one also lets a certificate issued for another name through.
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
