package org.giscamel.emulator.iportal;

/** A request the portal refuses with a given HTTP status; rendered by {@link IPortalErrors}. */
final class IPortalException extends RuntimeException {

    private final int status;

    IPortalException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static IPortalException unauthorized(String message) {
        return new IPortalException(401, message);
    }

    static IPortalException notFound(String message) {
        return new IPortalException(404, message);
    }
}
