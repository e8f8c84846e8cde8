package org.giscamel.sitejoin;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Which machine leaves the site: by its site root (as join-site names it) or by its name (as the site lists it),
 * and whether the guard that keeps the only started machine of a cluster may be overridden. The request file reads
 * {@code {"machine":"http://node3:6080/arcgis"}} or {@code {"machineName":"NODE3.EXAMPLE.COM","force":true}}.
 */
public record SiteLeaveRequest(Optional<URI> machine, Optional<String> machineName, boolean force) {

    private static final List<String> FIELDS = List.of("machine", "machineName", "force");

    public SiteLeaveRequest {
        if (machine.isPresent() == machineName.isPresent()) {
            throw new InvalidSiteJoinRequestException("name the machine that leaves by its site root (\"machine\", "
                    + "--machine) or by its name (\"machineName\", --machine-name), not both");
        }
    }

    public static SiteLeaveRequest of(URI machine, boolean force) {
        return new SiteLeaveRequest(Optional.of(machine), Optional.empty(), force);
    }

    public static SiteLeaveRequest named(String machineName, boolean force) {
        return new SiteLeaveRequest(Optional.empty(), Optional.of(machineName(machineName)), force);
    }

    /** Parses and checks a request file; nothing is sent anywhere. */
    public static SiteLeaveRequest parse(String text) {
        RequestJson json = RequestJson.parse(text, FIELDS, "{\"machine\":\"http://node3.example.com:6080/arcgis\"}");
        return new SiteLeaveRequest(
                json.text("machine", "the site root of the machine that leaves").map(SiteJoinRequest::machineUrl),
                json.text("machineName", "the machine's name as the site lists it").map(SiteLeaveRequest::machineName),
                json.bool("force").orElse(false));
    }

    /** A machine name as the site lists it: a host name. */
    public static String machineName(String text) {
        String name = text.trim();
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidSiteJoinRequestException("the machine name is a host name, such as NODE3.EXAMPLE.COM");
        }
        return name;
    }

    /** The same request with the guard override on, as a Kamelet's {@code force} property asks. */
    SiteLeaveRequest forced() {
        return new SiteLeaveRequest(machine, machineName, true);
    }

    @Override
    public String toString() {
        return "SiteLeaveRequest[" + machine.map(URI::toString).or(() -> machineName).orElseThrow() + ", force=" + force + "]";
    }
}
