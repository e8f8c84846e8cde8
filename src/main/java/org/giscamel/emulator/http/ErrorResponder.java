package org.giscamel.emulator.http;

/** Renders an error in the emulated server's own envelope. */
@FunctionalInterface
public interface ErrorResponder {
    /**
     * @param httpStatus the HTTP status a fault forces, or 0 to let the emulator choose as the real server would
     * @param code       the code inside the envelope
     */
    EmulatorResponse error(EmulatorRequest request, int httpStatus, int code, String message);
}
