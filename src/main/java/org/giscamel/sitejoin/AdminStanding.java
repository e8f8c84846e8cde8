package org.giscamel.sitejoin;

import org.giscamel.http.GisHttpClient;
import org.giscamel.http.GisRequest;
import org.giscamel.reply.PermanentServerException;
import org.giscamel.reply.TokenRejectedException;

import java.net.URI;

/**
 * How a machine's Administrator Directory answers {@code GET <root>/admin?f=json} without a token: code 499
 * ("token required") means the machine takes part in a site, any other answer means it does not (CHEF's and
 * GITOPS's test; a machine in no site says so with another code, such as the InvalidSiteException envelope with
 * 500). 5xx and connection failures propagate as transient, since a restarting machine answers 503 or drops
 * connections; a failure without any reply (an unknown host) propagates as it is, since it says nothing of a site.
 *
 * @param answer what the machine said, for messages
 */
record AdminStanding(boolean inASite, String answer) {

    static AdminStanding probe(GisHttpClient http, URI root, String step) {
        try {
            http.call(step, GisRequest.get(URI.create(root + "/admin")).param("f", "json"));
            return new AdminStanding(false, "it answered without asking for a token");
        } catch (TokenRejectedException e) {
            return new AdminStanding(e.serverCode().orElse(0) == 499, String.join("; ", e.serverMessages()));
        } catch (PermanentServerException e) {
            if (e.httpStatus() == 0) {
                throw e;
            }
            return new AdminStanding(false, String.join("; ", e.serverMessages()));
        }
    }
}
