package org.giscamel.emulator.http;

/** A failure the emulators can be told to produce, for the flows' reliability tests. */
public enum Fault {
    /** Answer HTTP 500 with the emulator's error envelope. */
    HTTP_500,
    /** Answer HTTP 503, as a restarting ArcGIS Server does. */
    HTTP_503,
    /**
     * Answer HTTP 200 with the emulator's error envelope and code 500, the way ArcGIS Server reports a failed
     * operation (reference §1.3: "HTTP 200 for essentially every failure").
     */
    ERROR_ENVELOPE,
    /** Close the connection without any reply. */
    CONNECTION_RESET,
    /** Wait {@code delayMillis} before handling the request normally. */
    DELAY,
    /** Hold the connection without answering until the server stops or the client gives up. */
    HANG,
    /** Expire every issued token now, so the next authenticated call gets 498. */
    EXPIRE_TOKENS
}
