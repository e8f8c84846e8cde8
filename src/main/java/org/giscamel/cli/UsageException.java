package org.giscamel.cli;

/** Wrong command-line arguments; the message says which. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
