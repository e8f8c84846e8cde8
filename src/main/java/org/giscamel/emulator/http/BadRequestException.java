package org.giscamel.emulator.http;

/** Thrown by handlers for malformed input; each emulator turns it into its own error envelope. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
