package org.giscamel.emulator.arcgis.gp;

import org.giscamel.emulator.arcgis.rest.ArcGisErrors;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Router;

import java.util.List;
import java.util.Optional;

/**
 * Output files under {@code rest/directories}: {@code arcgisjobs/<svc>_gpserver/<jobId>/scratch/<file>} for jobs and
 * {@code arcgisoutput/<Svc>_GPServer/_ags_<jobId>_<file>} for synchronous executions. Files are generated while
 * they are sent, so any size streams with a small heap. A missing file is an HTTP 404, as from a web server.
 */
final class GpDirectories {

    private static final int JOB_ID_LENGTH = 33;

    private final GpHttp http;
    private final GpJobs jobs;

    GpDirectories(GpHttp http, GpJobs jobs) {
        this.http = http;
        this.jobs = jobs;
    }

    void register(Router router, GpService service) {
        if (service.sync()) {
            router.read(http.directoriesPath() + "arcgisoutput/" + service.outputDirectory() + "/{file}",
                    http.file(service, r -> syncOutput(r, service)));
        } else {
            router.read(http.directoriesPath() + "arcgisjobs/" + service.jobsDirectory() + "/{jobId}/scratch/{file}",
                    http.file(service, r -> jobFile(r, service, r.pathVariable("jobId"))));
        }
    }

    private EmulatorResponse syncOutput(EmulatorRequest request, GpService service) {
        String file = request.pathVariable("file");
        int start = GpRun.SYNC_PREFIX.length();
        return file.startsWith(GpRun.SYNC_PREFIX) && file.length() > start + JOB_ID_LENGTH
                ? jobFile(request, service, file.substring(start, start + JOB_ID_LENGTH))
                : notFound();
    }

    private EmulatorResponse jobFile(EmulatorRequest request, GpService service, String jobId) {
        Optional<GpFile> file = jobs.find(jobId)
                .filter(job -> job.service() == service && job.status(jobs.now()) == EsriJobStatus.SUCCEEDED)
                .flatMap(job -> job.file(request.pathVariable("file")));
        return file.map(GpFile::response).orElseGet(GpDirectories::notFound);
    }

    private static EmulatorResponse notFound() {
        return EmulatorResponse.json(404, ArcGisErrors.services(404, "File not found", List.of()));
    }
}
