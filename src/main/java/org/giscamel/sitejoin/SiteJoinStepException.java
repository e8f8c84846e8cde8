package org.giscamel.sitejoin;

/**
 * A step that cannot succeed, decided by the chain rather than by a server reply: the machine belongs to another
 * site, the cluster is missing, a deadline passed. Retrying does not help, so the route does not retry it.
 */
public class SiteJoinStepException extends RuntimeException {

    public SiteJoinStepException(String message) {
        super(message);
    }
}
