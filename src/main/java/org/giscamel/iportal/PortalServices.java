package org.giscamel.iportal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.token.TokenScope;
import org.giscamel.token.TokenService;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The services registry of one iPortal ({@code <portal>/web/services}), as one user: list (paged), register,
 * update, delete. Credentials come from the {@link TokenService} (a login session or a token), which logs in
 * again when the portal answers 401. Array parameters travel as JSON arrays, URL-encoded (iportal-rest.md §1.4).
 */
public final class PortalServices {

    private final TokenService tokens;
    private final TokenScope scope;
    private final String services;

    /** @param scope an {@link TokenScope#iportalSession} or {@link TokenScope#iportalToken} of the portal */
    public PortalServices(TokenService tokens, TokenScope scope) {
        this.tokens = tokens;
        this.scope = scope;
        this.services = scope.root() + "/web/services";
    }

    /** The user whose registrations these are. */
    public String owner() {
        return scope.credentials().credentials().username();
    }

    /**
     * Hands every registration of the owner that carries {@code tag} to {@code consumer}, page by page
     * ({@code currentPage} is 1-based; the loop ends at the {@code totalPage} the portal reports, whatever page
     * size it actually used). Registrations of other users are skipped even if the portal lists them.
     *
     * @return the number of pages read
     */
    public int forEachTagged(String tag, int pageSize, Consumer<OwnedRegistration> consumer) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tags", jsonArray(tag));
        query.put("userNames", jsonArray(owner()));
        return forEachPage("list iPortal registrations tagged " + tag, query, pageSize, item -> {
            if (item.tags().contains(tag)) {
                consumer.accept(item);
            }
        });
    }

    /** The owner's registration of exactly this address, if any, whatever its tags. */
    public Optional<OwnedRegistration> findByLinkage(String linkage) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("userNames", jsonArray(owner()));
        query.put("keywords", jsonArray(linkage));
        query.put("filterFields", jsonArray("LINKPAGE"));
        List<OwnedRegistration> found = new ArrayList<>();
        forEachPage("find the iPortal registration of " + linkage, query, 100, item -> {
            if (linkage.equals(item.linkage())) {
                found.add(item);
            }
        });
        return found.stream().findFirst();
    }

    /** Registers a service; returns its new id. */
    public int register(ObjectNode body) {
        String step = "register " + body.path("metadata").path("distInfo").path("onLineSrc").path("linkage").asText()
                + " in iPortal";
        JsonNode reply = tokens.call(scope, step, GisRequest.postJson(URI.create(services + ".json"), body.toString()));
        String id = reply.path("newResourceID").asText("").trim();
        if (!id.matches("\\d{1,10}")) {
            throw new PermanentServerException(step, "the reply carries no newResourceID", null);
        }
        return Integer.parseInt(id);
    }

    /** Updates a registration; {@code body} must hold only the fields iPortal updates (see {@link RegistrationBodies}). */
    public void update(int id, ObjectNode body) {
        tokens.call(scope, "update iPortal registration " + id,
                GisRequest.putJson(URI.create(services + "/" + id + ".json"), body.toString()));
    }

    /** Deletes a registration; false when it was already gone (404). */
    public boolean delete(int id) {
        try {
            tokens.call(scope, "delete iPortal registration " + id,
                    GisRequest.delete(URI.create(services + ".json")).param("ids", "[" + id + "]"));
            return true;
        } catch (PermanentServerException e) {
            if (e.httpStatus() == 404 || e.serverCode().orElse(0) == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * How many registrations the portal lets the owner see, from a one-item page read as the owner
     * ({@link TokenService#readAsAccount}); {@code timeout} bounds each request of the check.
     */
    public int visibleCount(String step, Duration timeout) {
        return tokens.readAsAccount(scope, portal -> portal.call(step, GisRequest.get(URI.create(services + ".json"))
                .param("pageSize", "1").timeout(timeout))).path("total").asInt(0);
    }

    /**
     * Reads every page with one session and hands the items on only once the portal has confirmed that it listed
     * them to the owner ({@link TokenService#readAsAccount}): a page listed to GUEST looks complete but is not.
     */
    private int forEachPage(String step, Map<String, String> query, int pageSize, Consumer<OwnedRegistration> consumer) {
        List<OwnedRegistration> items = new ArrayList<>();
        int pages = tokens.readAsAccount(scope, portal -> {
            items.clear();
            return readPages(portal, step, query, pageSize, items);
        });
        items.forEach(consumer);
        return pages;
    }

    private int readPages(TokenService.Sender portal, String step, Map<String, String> query, int pageSize,
                          List<OwnedRegistration> items) {
        Set<Integer> seen = new HashSet<>();
        int page = 1;
        int totalPage;
        do {
            GisRequest request = GisRequest.get(URI.create(services + ".json"))
                    .param("currentPage", Integer.toString(page))
                    .param("pageSize", Integer.toString(pageSize));
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                request = request.param(parameter.getKey(), parameter.getValue());
            }
            JsonNode reply = portal.call(step + " (page " + page + ")", request);
            totalPage = reply.path("totalPage").asInt(0);
            JsonNode content = reply.path("content");
            if (!content.isArray()) {
                throw new PermanentServerException(step, "page " + page + " of the reply has no 'content' list", null);
            }
            for (JsonNode item : content) {
                OwnedRegistration registration = OwnedRegistration.fromListItem(item);
                // Pages of a listing that changes underneath may repeat an item; take it once.
                if (owner().equals(registration.userName()) && seen.add(registration.id())) {
                    items.add(registration.linkage() != null ? registration : withDetailedLinkage(portal, registration));
                }
            }
            page++;
        } while (page <= totalPage);
        return page - 1;
    }

    /** List items need not carry {@code linkPage}; the registration itself does. */
    private OwnedRegistration withDetailedLinkage(TokenService.Sender portal, OwnedRegistration registration) {
        JsonNode detail = portal.call("read iPortal registration " + registration.id(),
                GisRequest.get(URI.create(services + "/" + registration.id() + ".json")));
        return registration.withLinkage(OwnedRegistration.linkage(detail));
    }

    private static String jsonArray(String value) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        array.add(value);
        return array.toString();
    }
}
