package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import org.giscamel.http.Credentials;
import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.GisServerException;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;
import org.giscamel.token.AuthContext;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls the site flows make to one machine itself, mostly before it has a site and so without a token: the
 * joining machine, or the one a site is created on.
 */
final class MachineAdmin {

    private final GisHttpClient http;
    private final URI root;

    MachineAdmin(GisHttpClient http, URI root) {
        this.http = http;
        this.root = root;
    }

    URI root() {
        return root;
    }

    URI adminUrl() {
        return URI.create(root + "/admin");
    }

    AdminStanding standing() {
        return AdminStanding.probe(http, root, "probe the machine's admin");
    }

    /**
     * The name from {@code admin/local}, read with a token as CHEF and GITOPS do; empty if the machine does not
     * accept the site's token, as a member of another site does not.
     */
    Optional<String> nameWith(AuthContext siteToken) {
        try {
            return Optional.of(name(http.call("read the machine name", siteToken.apply(local()))));
        } catch (TokenRejectedException notThisSite) {
            return Optional.empty();
        }
    }

    /** The name the site's machine list gives this machine's admin URL, in any spelling of that URL. */
    Optional<String> listedIn(List<SiteAdmin.Machine> machines) {
        return machines.stream().filter(m -> SiteJoinSteps.sameUrl(m.adminUrl(), adminUrl()))
                .map(SiteAdmin.Machine::name).findFirst();
    }

    /**
     * The machine's name as a member of the site whose machines are {@code members}: listed at its admin URL, or,
     * listed under another spelling of that URL, the name it gives with the site's token, which only a member takes.
     */
    Optional<String> memberName(List<SiteAdmin.Machine> members, AuthContext siteToken) {
        return listedIn(members).or(() -> nameWith(siteToken)
                .filter(n -> members.stream().anyMatch(m -> m.name().equalsIgnoreCase(n))));
    }

    /**
     * POSTs joinSite with the site's admin URL and credentials in the body.
     *
     * @return the seconds the machine asks to wait before it is polled ({@code pollAfter}, 0 when absent)
     */
    int joinSite(URI siteAdminUrl, Credentials credentials, Duration timeout) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("adminURL", siteAdminUrl.toString());
        form.put("username", credentials.username());
        form.put("password", credentials.password());
        form.put("f", "json");
        JsonNode reply = http.call("join site", GisRequest.postForm(URI.create(adminUrl() + "/joinSite"), form)
                .timeout(timeout));
        return Math.max(0, reply.path("pollAfter").asInt(0));
    }

    /**
     * POSTs createNewSite with the administrator to create in the body; the reply comes once the site exists.
     *
     * @return the seconds the machine asks to wait before it is polled ({@code pollAfter}, 0 when absent: no
     * source says whether createNewSite sends it)
     */
    int createNewSite(NewSite site, Credentials administrator, Duration timeout) {
        JsonNode reply = http.call("create site", GisRequest.postForm(URI.create(adminUrl() + "/createNewSite"),
                site.form(administrator)).timeout(timeout));
        return Math.max(0, reply.path("pollAfter").asInt(0));
    }

    /** One poll of the restart window: ready once the machine answers as a member of a site. */
    Waiting.Poll<Boolean> answersAsSiteMember() {
        try {
            AdminStanding standing = standing();
            return standing.inASite() ? Waiting.Poll.ready(true)
                    : Waiting.Poll.notYet("it answers that it is in no site: " + standing.answer());
        } catch (GisServerException restarting) {
            return Waiting.Poll.notYet(restarting.getMessage());
        }
    }

    private GisRequest local() {
        return GisRequest.get(URI.create(adminUrl() + "/local")).param("f", "json");
    }

    private static String name(JsonNode reply) {
        String name = reply.path("machineName").asText("").trim();
        if (name.isEmpty()) {
            throw new PermanentServerException("read the machine name", "the reply of admin/local has no machineName", null);
        }
        return name;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
