package org.giscamel.emulator.iportal;

/** A portal user the emulator accepts at login. */
public record PortalAccount(String username, String password, boolean admin) {

    /** Leaves the password out, so that logging a config cannot leak it. */
    @Override
    public String toString() {
        return "PortalAccount[" + username + (admin ? ", admin" : "") + "]";
    }
}
