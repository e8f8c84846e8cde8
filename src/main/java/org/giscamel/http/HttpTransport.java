package org.giscamel.http;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The Apache HttpClient 5 behind {@link GisHttpClient}, built by camel-http: a private {@link HttpComponent}
 * configured from {@link HttpSettings}, and one endpoint of it whose client, with the component's pooling connection
 * manager, proxy route planner and TLS from {@code SSLContextParameters}, serves every server. Private, so that
 * {@code gis.http.*} does not reach an application's own http endpoints, nor {@code camel.component.http.*} the
 * calls to the GIS servers.
 */
final class HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

    private final HttpEndpoint endpoint;
    private final CloseableHttpClient client;
    /** Shared by all requests, so that after the proxy's first challenge its credentials go along right away. */
    private final AuthCache authCache = new BasicAuthCache();

    HttpTransport(CamelContext context, HttpSettings settings) {
        HttpComponent component = new HttpComponent();
        component.setCamelContext(context);
        // The flows decide about retries (an admin POST must never be re-sent behind their back), the token service
        // owns sessions, GisHttpClient follows redirects itself, and files are written as the server sent them.
        component.setAutomaticRetriesDisabled(true);
        component.setCookieManagementDisabled(true);
        component.setRedirectHandlingDisabled(true);
        component.setContentCompressionDisabled(true);
        proxy(component, settings);
        TlsSetup.configure(component, context, settings);
        try {
            ServiceHelper.startService(component);
            endpoint = (HttpEndpoint) component.createEndpoint("https://gis-servers");
            ServiceHelper.startService(endpoint);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot set up " + TlsSetup.subject(settings) + " for HTTPS ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        client = (CloseableHttpClient) endpoint.getHttpClient();
        if (settings.isTrustAllCertificates()) {
            LOG.warn("TLS certificate checks are OFF (trustAllCertificates=true); use a trust store outside the lab");
        }
    }

    /** The endpoint owns the client and its connections; stopping it closes them. */
    HttpEndpoint endpoint() {
        return endpoint;
    }

    /** Sends the request; the reply is open only while {@code reader} runs, and its connection is then released. */
    <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> reader) throws IOException {
        HttpClientContext exchange = HttpClientContext.create();
        exchange.setAuthCache(authCache);
        return client.execute(request, exchange, reader);
    }

    private static void proxy(HttpComponent component, HttpSettings settings) {
        if (settings.getProxyHost() == null) {
            return;
        }
        String direct = NonProxyHosts.camelList(settings.getNonProxyHosts());
        component.setProxyHost(settings.getProxyHost());
        component.setProxyPort(settings.getProxyPort());
        // Spoken to in plain HTTP, with CONNECT for https targets, as corporate proxies are; Camel would otherwise
        // speak TLS to the proxy for https targets.
        component.setProxyAuthScheme("http");
        component.setProxyAuthUsername(settings.getProxyUser());
        component.setProxyAuthPassword(settings.getProxyPassword());
        component.setNonProxyHosts(direct);
        LOG.info("Calls to the GIS servers go through the HTTP proxy {}:{}{}; directly to: {}", settings.getProxyHost(),
                settings.getProxyPort(), settings.getProxyUser() == null ? "" : " as " + settings.getProxyUser(),
                direct.isEmpty() ? "none" : direct);
    }
}
