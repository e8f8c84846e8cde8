package org.giscamel.gp.output;

/** A server-given output name or URL that would put a file outside the job's output folder. */
public final class UnsafeOutputNameException extends RuntimeException {

    public UnsafeOutputNameException(String message) {
        super(message);
    }
}
