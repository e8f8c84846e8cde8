package org.giscamel.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CredentialsTest {

    @Test
    void toStringShowsUserButHidesPassword() {
        String text = new Credentials("siteadmin", "hunter2").toString();
        assertFalse(text.contains("hunter2"), text);
        assertEquals("Credentials[username=siteadmin, password=***]", text);
    }
}
