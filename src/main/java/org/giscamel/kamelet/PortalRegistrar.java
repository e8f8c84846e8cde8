package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.iportal.OwnedRegistration;
import org.giscamel.iportal.PortalServices;
import org.giscamel.iportal.RegistrationBodies;
import org.giscamel.iportal.Sharing;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bean of the {@code iportal-register-sink} Kamelet: registers the service a message describes
 * ({@link ServiceToRegister}) in iPortal, or updates the registration this account already owns at the same
 * address. An update sends only the fields iPortal really updates ({@link RegistrationBodies#update}) and keeps
 * the registration's other tags, so the marker tags of a harvest stay where they are.
 */
public final class PortalRegistrar {

    /** Reply headers: the registration's id, and {@code created} or {@code updated}. */
    public static final String REGISTRATION_ID = "GisPortalRegistrationId";
    public static final String ACTION = "GisPortalRegistrationAction";

    static final String KAMELET = "iportal-register-sink";
    private static final Logger LOG = LoggerFactory.getLogger(PortalRegistrar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KameletParameters parameters = new KameletParameters(KAMELET);
    private TokenService tokenService;
    private ServerConnections serverConnections;
    private PortalServices portal;
    private Sharing sharing;
    private List<String> tags;

    public void setPortalUrl(String value) {
        parameters.put("portalUrl", value);
    }

    public void setUsername(String value) {
        parameters.put("username", value);
    }

    public void setPassword(String value) {
        parameters.put("password", value);
    }

    public void setSharing(String value) {
        parameters.put("sharing", value);
    }

    public void setTags(String value) {
        parameters.put("tags", value);
    }

    public void setTokenService(TokenService tokenService) {
        this.tokenService = tokenService;
    }

    public void setServerConnections(ServerConnections serverConnections) {
        this.serverConnections = serverConnections;
    }

    /** Checks every parameter at once; the Kamelet calls it when its route is created. */
    public void check() {
        GisSettings settings = parameters.settings();
        Optional<ServerAccess> access = ServerAccess.resolve(parameters, "portalUrl", serverConnections.iportal(),
                "gis.iportal.url", true);
        sharing = Sharing.valueOf(settings.choice(parameters.key("sharing"), "public", "public", "private")
                .toUpperCase(Locale.ROOT));
        tags = Arrays.stream(settings.string(parameters.key("tags"), "").split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
        settings.requireValid();
        portal = new PortalServices(tokenService, TokenScope.iportalSession(access.orElseThrow().root(),
                CredentialsProvider.of(access.get().credentials().orElseThrow())));
    }

    /** Step: registers or updates; the reply body says which, with the registration's id. */
    public void register(Exchange exchange) throws IOException {
        ServiceToRegister service = ServiceToRegister.parse(readJson(exchange));
        Set<String> wanted = new LinkedHashSet<>(tags);
        wanted.addAll(service.tags());
        Optional<OwnedRegistration> owned = portal.findByLinkage(service.linkage());
        int id;
        String action;
        if (owned.isPresent()) {
            Set<String> kept = new LinkedHashSet<>(owned.get().tags());
            kept.addAll(wanted);
            id = owned.get().id();
            portal.update(id, RegistrationBodies.update(List.copyOf(kept), sharing, service.metadata()));
            action = "updated";
        } else {
            id = portal.register(RegistrationBodies.create(service.portalType(), List.copyOf(wanted), sharing,
                    service.metadata(), List.of()));
            action = "created";
        }
        LOG.info("iPortal registration {} of {}: {}", id, service.linkage(), action);
        ObjectNode reply = JsonNodeFactory.instance.objectNode().put("id", id).put("action", action)
                .put("linkage", service.linkage());
        exchange.getMessage().setHeader(REGISTRATION_ID, id);
        exchange.getMessage().setHeader(ACTION, action);
        exchange.getMessage().setBody(reply.toString());
    }

    private static JsonNode readJson(Exchange exchange) throws IOException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof JsonNode node) {
            return node;
        }
        if (body instanceof Map<?, ?> map) {
            return JSON.valueToTree(map);
        }
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            return JSON.readTree(in);
        } catch (InvalidPayloadException e) {
            throw new IllegalArgumentException("The service description must be a JSON text or object", e);
        }
    }
}
