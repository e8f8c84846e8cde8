package org.giscamel.emulator.http;

/** Handles one matched request. */
@FunctionalInterface
public interface EmulatorHandler {
    EmulatorResponse handle(EmulatorRequest request) throws Exception;
}
