package org.giscamel.kamelet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.arcgis.FolderListing;
import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.arcgis.ServiceRef;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.arcgis.ServicesDirectory;
import org.giscamel.config.GisSettings;
import org.giscamel.config.ServerConnections;
import org.giscamel.http.GisHttpClient;
import org.giscamel.reply.GisServerException;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The bean of the {@code arcgis-catalog-source} Kamelet: one walk of an ArcGIS services directory (the root, then
 * each folder the filter may take from) through {@link ServicesDirectory}, which reads a secured folder with a
 * services token. Each service the filter takes becomes one JSON summary. A folder or service that cannot be read
 * is logged and left out of this walk; a root that cannot be read fails it.
 */
public final class ArcGisCatalogReader {

    static final String KAMELET = "arcgis-catalog-source";
    private static final Logger LOG = LoggerFactory.getLogger(ArcGisCatalogReader.class);

    private final KameletParameters parameters = new KameletParameters(KAMELET);
    private GisHttpClient httpClient;
    private TokenService tokenService;
    private ServerConnections serverConnections;
    private ServicesDirectory directory;
    private ServiceFilter filter;

    public void setArcgisUrl(String value) {
        parameters.put("arcgisUrl", value);
    }

    public void setUsername(String value) {
        parameters.put("username", value);
    }

    public void setPassword(String value) {
        parameters.put("password", value);
    }

    public void setTypes(String value) {
        parameters.put("types", value);
    }

    public void setInclude(String value) {
        parameters.put("include", value);
    }

    public void setExclude(String value) {
        parameters.put("exclude", value);
    }

    public void setHttpClient(GisHttpClient httpClient) {
        this.httpClient = httpClient;
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
        ServerAccess site = ServerAccess.resolve(parameters, "arcgisUrl", serverConnections.arcgis(), "gis.arcgis.url",
                false).orElse(null);
        List<String> types = list(settings.required(parameters.key("types"), "(the service types to emit)"));
        filter = new ServiceFilter(new LinkedHashSet<>(types), list(settings.string(parameters.key("include"), "**")),
                list(settings.string(parameters.key("exclude"), "")));
        settings.requireValid();
        directory = new ServicesDirectory(httpClient, tokenService, site.root(),
                site.credentials().map(CredentialsProvider::of));
    }

    /** Step: the services of one walk, each as a JSON text, in catalog order. */
    public List<String> services() {
        List<String> services = new ArrayList<>();
        FolderListing root = directory.root();
        read(root.services(), services);
        for (String folder : root.folders()) {
            if (!filter.mayTakeFrom(folder)) {
                continue;
            }
            try {
                read(directory.folder(folder).services(), services);
            } catch (GisServerException e) {
                LOG.warn("{}; its services are left out of this walk", e.getMessage());
            }
        }
        return services;
    }

    private void read(List<ServiceRef> refs, List<String> services) {
        for (ServiceRef ref : refs) {
            if (!filter.accepts(ref)) {
                continue;
            }
            try {
                String url = directory.serviceUrl(ref);
                services.add(toJson(ServiceSummary.of(url, ref, directory.service(ref))).toString());
            } catch (GisServerException e) {
                LOG.warn("{}; the service is left out of this walk", e.getMessage());
            }
        }
    }

    /** The message of one service: its name and type as the directory lists them, and its own description. */
    static ObjectNode toJson(ServiceSummary service) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("name", service.ref().name())
                .put("type", service.ref().type())
                .put("folder", service.ref().folder())
                .put("url", service.url())
                .put("title", service.title())
                .put("description", service.description())
                .put("copyright", service.copyright());
        service.capabilities().forEach(json.putArray("capabilities")::add);
        service.mapNames().forEach(json.putArray("mapNames")::add);
        service.wkid().ifPresent(wkid -> json.put("wkid", wkid));
        service.box().ifPresent(box -> json.putObject("extent").put("west", box.west()).put("south", box.south())
                .put("east", box.east()).put("north", box.north()));
        return json;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
