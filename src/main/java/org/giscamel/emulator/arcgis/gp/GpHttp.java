package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.arcgis.rest.ArcGisFormat;
import org.giscamel.emulator.arcgis.rest.ServiceAccess;
import org.giscamel.emulator.http.EmulatorHandler;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;

import java.util.List;
import java.util.Optional;

/** What every GP resource shares: the folder's token rule, the {@code f} rendering, site URLs and error replies. */
final class GpHttp {

    private final String context;
    private final GpSettings settings;
    private final ServiceAccess access;

    GpHttp(String context, GpSettings settings, ServiceAccess access) {
        this.context = context;
        this.settings = settings;
        this.access = access;
    }

    /**
     * A resource of {@code service}: checked like every route under a secured folder (499/498 with HTTP 200),
     * and rendered as {@code f} asks (html by default, as on a real server).
     */
    EmulatorHandler resource(GpService service, EmulatorHandler handler) {
        return ArcGisFormat.honoured(file(service, handler));
    }

    /** An output file of {@code service}: same token rule; errors stay JSON, since a download sends no {@code f}. */
    EmulatorHandler file(GpService service, EmulatorHandler handler) {
        return request -> {
            Optional<EmulatorResponse> denied = access.denialForService(request, service.name());
            return denied.isPresent() ? denied.get() : handler.handle(request);
        };
    }

    /** {@code http://<Host header>/<context>}, or the configured public site URL (a web adaptor's). */
    String siteUrl(EmulatorRequest request) {
        if (!settings.publicSiteUrl.isBlank()) {
            return settings.publicSiteUrl.replaceAll("/+$", "");
        }
        return "http://" + request.header("Host").orElse("localhost") + "/" + context;
    }

    String servicesPath() {
        return "/" + context + "/rest/services/";
    }

    String directoriesPath() {
        return "/" + context + "/rest/directories/";
    }

    /** The services envelope with HTTP 200, as ArcGIS Server answers almost every failure. */
    static EmulatorResponse error(int code, String message, String... details) {
        return EmulatorResponse.json(ArcGisErrors.services(code, message, List.of(details)));
    }

    /** A job id the server does not know (never submitted, of another service, or cleaned up). */
    static EmulatorResponse unknownJob(String jobId) {
        return error(400, "Unable to complete operation.", "Job '" + jobId + "' does not exist or is inaccessible.");
    }

    /** The reply to an operation on a resource that is not there: {@code Invalid URL} (HTTP 200). */
    static EmulatorResponse invalidUrl() {
        return error(400, "Invalid URL", "Invalid URL");
    }
}
