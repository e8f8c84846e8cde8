package org.giscamel.status;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.giscamel.config.GisSettings;
import org.giscamel.gp.GpJobStore;
import org.giscamel.harvest.HarvestFlowSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Serves the operator status page on Camel's HTTP server, which shares the management server's port
 * ({@code camel.server.port} = {@code gis.observe.port}): {@code GET /status} is the page, and
 * {@code GET /status/jobs/<job id>/<file>} a map-image output shown on it. Read only: other methods are refused.
 * camel-main finds this class by package scan in the application; an embedding application adds it if it wants
 * the page.
 */
public class StatusRoutes extends RouteBuilder {

    public static final String PAGE_ROUTE = "status-page";
    public static final String IMAGE_ROUTE = "status-map-image";

    /** No script may run, nothing may be framed or posted; images and styles only from the page itself. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void configure() {
        GisSettings gis = GisSettings.of(getContext().getPropertiesComponent());
        StatusSettings settings = StatusSettings.from(gis);
        gis.requireValid();
        if (!settings.enabled()) {
            return;
        }
        // looked up at each request: the GP flow binds its store in its own configuration, and may be absent
        Supplier<GpJobStore> store = () -> getContext().getRegistry().findSingleByType(GpJobStore.class);
        // only the folder is wanted here: the harvest's own configuration reports any problem of its keys
        Path reportDir = HarvestFlowSettings.read(GisSettings.of(getContext().getPropertiesComponent()), false)
                .runSettings().reportDir();
        StatusPage page = new StatusPage(settings, store, reportDir, Clock.systemUTC());
        MapImages images = new MapImages(store);

        from(getOnly("/status")).routeId(PAGE_ROUTE)
                .process(exchange -> page(exchange.getMessage(), page.html(), settings));
        from(getOnly("/status/jobs/{job}/{file}")).routeId(IMAGE_ROUTE)
                .process(exchange -> mapImage(exchange.getMessage(), images));
    }

    /** Any other method is answered 405 by the server. */
    private PlatformHttpEndpoint getOnly(String path) {
        PlatformHttpEndpoint endpoint = getContext().getEndpoint("platform-http:" + path + "?httpMethodRestrict=GET",
                PlatformHttpEndpoint.class);
        endpoint.setHeaderFilterStrategy(new ReplyHeaders());
        return endpoint;
    }

    private static void page(Message reply, String html, StatusSettings settings) {
        replyHeaders(reply, 200, "text/html; charset=utf-8");
        reply.setHeader("Cache-Control", "no-store");
        reply.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        reply.setHeader("Referrer-Policy", "no-referrer");
        if (!settings.refresh().isZero()) {
            reply.setHeader("Refresh", Long.toString(Math.max(1, settings.refresh().toSeconds())));
        }
        reply.setBody(html);
    }

    private static void mapImage(Message message, MapImages images) throws Exception {
        Optional<MapImages.MapImage> image = images.find(message.getHeader("job", String.class),
                message.getHeader("file", String.class));
        if (image.isEmpty()) {
            replyHeaders(message, 404, "text/plain; charset=utf-8");
            message.setBody("No such map image\n");
            return;
        }
        replyHeaders(message, 200, image.get().contentType());
        // an output file is written once, atomically, and never changed afterwards
        message.setHeader("Cache-Control", "private, max-age=3600");
        message.setBody(Files.newInputStream(image.get().file()));
    }

    /** Camel's HTTP header filter, except that Cache-Control goes out: the page must not be served from a cache. */
    private static final class ReplyHeaders extends HttpHeaderFilterStrategy {
        ReplyHeaders() {
            getOutFilter().remove("cache-control");
        }
    }

    /** Only the headers set here go back: none of the request's are echoed into the reply. */
    private static void replyHeaders(Message reply, int status, String contentType) {
        reply.removeHeaders("*");
        reply.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        reply.setHeader(Exchange.CONTENT_TYPE, contentType);
        reply.setHeader("X-Content-Type-Options", "nosniff");
    }
}
