package org.giscamel.emulator.iportal;

/** The same user registered the same service address twice, which iPortal forbids. */
public final class DuplicateRegistrationException extends IllegalStateException {

    private final int existingId;

    DuplicateRegistrationException(int existingId) {
        super(message(existingId));
        this.existingId = existingId;
    }

    static String message(int existingId) {
        return "This user has already registered a service with the same address (id " + existingId + ")";
    }

    public int existingId() {
        return existingId;
    }
}
