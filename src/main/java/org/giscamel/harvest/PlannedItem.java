package org.giscamel.harvest;

import java.util.Optional;

/**
 * One line of a plan.
 *
 * @param linkage        the service address
 * @param registrationId the existing registration, for UPDATE, DELETE, UNCHANGED and KEEP
 * @param desired        what the portal should hold, for CREATE, UPDATE and UNCHANGED
 * @param note           why, where the action alone does not say (e.g. the reason a registration is kept)
 */
public record PlannedItem(Action action, String linkage, Integer registrationId, Optional<DesiredRegistration> desired,
                          String note) {

    /** The service's label when the service is known, else its address. */
    public String label() {
        return desired.map(DesiredRegistration::label).orElse(linkage);
    }
}
