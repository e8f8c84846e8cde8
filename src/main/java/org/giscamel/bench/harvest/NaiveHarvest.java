package org.giscamel.bench.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.arcgis.FolderListing;
import org.giscamel.arcgis.ServiceFilter;
import org.giscamel.arcgis.ServiceRef;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.arcgis.ServicesDirectory;
import org.giscamel.harvest.ArcGisCatalog;
import org.giscamel.harvest.ArcGisMapping;
import org.giscamel.harvest.DesiredRegistration;
import org.giscamel.harvest.HarvestSource;
import org.giscamel.harvest.RegistrationDesign;
import org.giscamel.http.GisHttpClient;
import org.giscamel.iportal.OwnedRegistration;
import org.giscamel.iportal.PortalServices;
import org.giscamel.token.CredentialsProvider;
import org.giscamel.token.TokenService;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The baseline {@link HarvestBenchmark} compares the harvester with: the straightforward sync script. It reads
 * every service's JSON into memory first, one request at a time; lists the registrations at iPortal's default page
 * size (9); then rewrites every registration (PUT, or POST when missing) and deletes those whose service is gone.
 * No fingerprints, no concurrency, no guard. It uses the same protocol classes, so the difference is the approach.
 */
final class NaiveHarvest {

    private static final int DEFAULT_PAGE_SIZE = 9;

    private final HarvestSource source;
    private final GisHttpClient http;
    private final TokenService tokens;
    private final PortalServices portal;

    NaiveHarvest(HarvestSource source, GisHttpClient http, TokenService tokens, PortalServices portal) {
        this.source = source;
        this.http = http;
        this.tokens = tokens;
        this.portal = portal;
    }

    void run() {
        ArcGisCatalog site = (ArcGisCatalog) source.catalog();
        ServicesDirectory directory = new ServicesDirectory(http, tokens, site.root(),
                site.credentials().map(CredentialsProvider::of));
        Map<ServiceRef, JsonNode> catalog = new LinkedHashMap<>();
        FolderListing root = directory.root();
        readAll(directory, site.filter(), root, catalog);
        for (String folder : root.folders()) {
            readAll(directory, site.filter(), directory.folder(folder), catalog);
        }
        Map<String, OwnedRegistration> owned = new HashMap<>();
        portal.forEachTagged(source.marker(), DEFAULT_PAGE_SIZE, r -> owned.put(r.linkage(), r));
        RegistrationDesign design = new RegistrationDesign(source);
        catalog.forEach((service, json) -> {
            DesiredRegistration desired = design.desired(
                    ArcGisMapping.service(ServiceSummary.of(directory.serviceUrl(service), service, json)));
            OwnedRegistration existing = owned.remove(desired.linkage());
            if (existing == null) {
                portal.register(design.createBody(desired));
            } else {
                portal.update(existing.id(), design.updateBody(desired));
            }
        });
        owned.values().forEach(gone -> portal.delete(gone.id()));
    }

    private static void readAll(ServicesDirectory directory, ServiceFilter filter, FolderListing listing,
                                Map<ServiceRef, JsonNode> catalog) {
        listing.services().stream().filter(filter::accepts)
                .forEach(service -> catalog.put(service, directory.service(service)));
    }
}
