package org.giscamel.sitejoin;

/** A join request that cannot be acted on; the message says what is wrong and never echoes a value that could be secret. */
public class InvalidSiteJoinRequestException extends RuntimeException {

    public InvalidSiteJoinRequestException(String message) {
        super(message);
    }
}
