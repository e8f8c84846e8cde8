package org.giscamel.http;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SafeUrlTest {

    @Test
    void secretParametersAreRedactedAndOthersKept() {
        URI uri = URI.create("https://gis.example.com:6443/arcgis/admin/generateToken"
                + "?username=siteadmin&password=p%40ss&token=abc&refresh_token=r1&client_secret=c1&f=json");
        assertEquals("https://gis.example.com:6443/arcgis/admin/generateToken"
                + "?username=siteadmin&password=***&token=***&refresh_token=***&client_secret=***&f=json",
                SafeUrl.render(uri));
    }

    @Test
    void parameterNamesMatchInAnyCase() {
        assertEquals("http://h/p?Token=***&PASSWORD=***", SafeUrl.render(URI.create("http://h/p?Token=a&PASSWORD=b")));
    }

    @Test
    void userInfoAndFragmentAreDropped() {
        String rendered = SafeUrl.render(URI.create("http://admin:hunter2@h:8190/iportal/web#frag"));
        assertEquals("http://h:8190/iportal/web", rendered);
        assertFalse(rendered.contains("hunter2"));
    }

    @Test
    void urlWithoutQueryIsUnchanged() {
        assertEquals("http://127.0.0.1:6080/arcgis/rest/info", SafeUrl.render(URI.create("http://127.0.0.1:6080/arcgis/rest/info")));
    }
}
