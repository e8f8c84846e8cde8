package org.giscamel.emulator.iportal;

/** Who sent a request: a logged-in account, or the anonymous GUEST. */
record Caller(String username, boolean admin) {

    static final String GUEST_NAME = "GUEST";
    static final Caller GUEST = new Caller(GUEST_NAME, false);

    static Caller of(PortalAccount account) {
        return new Caller(account.username(), account.admin());
    }

    boolean isGuest() {
        return this.equals(GUEST);
    }

    /** Fails with 401 for the anonymous caller, as protected resources do. */
    Caller requireLogin() {
        if (isGuest()) {
            throw IPortalException.unauthorized("Unauthorized: log in or pass a valid token to access this resource");
        }
        return this;
    }

    /** The owner, administrators, and whoever the service is shared with (GUEST sharing makes it public). */
    boolean canSee(ServiceRegistration service) {
        return admin || owns(service) || service.isSharedWith(username) || service.isSharedWith(GUEST_NAME);
    }

    /** Only the registrant and portal administrators may change or delete a service. */
    boolean canEdit(ServiceRegistration service) {
        return admin || owns(service);
    }

    boolean owns(ServiceRegistration service) {
        return !isGuest() && service.userName().equals(username);
    }
}
