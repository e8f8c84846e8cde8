package org.giscamel.status;

import org.giscamel.gp.GpFailure;
import org.giscamel.gp.GpJobRecord;
import org.giscamel.gp.GpJobStatus;
import org.giscamel.gp.GpOutputRecord;
import org.giscamel.gp.GpPhase;
import org.giscamel.harvest.HarvestCounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link StatusSnapshot} as one self-contained HTML page: no script, inline CSS only. Every value from
 * the store, the reports or the servers is escaped, since file names, server messages and error texts come from
 * outside.
 */
final class StatusPageHtml {

    /** Where the page's thumbnails are served: {@code <prefix><job id>/<file name>}. */
    static final String IMAGE_PATH = "/status/jobs/";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern PERCENT = Pattern.compile("(?<![\\d.])(\\d{1,3})%");
    private static final String STYLE = """
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;\
            color:#1f2328;background:#f6f8fa}
            header{background:#24292f;color:#fff;padding:14px 24px}
            header h1{font-size:20px;margin:0;font-weight:600}
            header p{margin:4px 0 0;color:#c9d1d9;font-size:13px}
            header a{color:#9ecbff}
            main{padding:16px 24px}
            section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin-bottom:20px}
            h2{font-size:16px;margin:0 0 8px}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;vertical-align:top;padding:8px 10px;border-top:1px solid #d8dee4}
            th{background:#f6f8fa;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;\
            color:#57606a}
            tbody tr:nth-child(even){background:#fafbfc}
            ul{margin:2px 0 0;padding-left:18px}
            .sub{color:#57606a;font-size:12px}
            .mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
            .name{font-weight:600}
            .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
            .ok{background:#dafbe1;color:#116329}
            .bad{background:#ffebe9;color:#a40e26}
            .warn{background:#fff8c5;color:#7d4e00}
            .busy{background:#ddf4ff;color:#0550ae}
            .idle{background:#eaeef2;color:#424a53}
            .counts .badge{margin-right:6px}
            .error{color:#a40e26}
            .note{color:#7d4e00}
            .thumb{display:block;max-width:200px;height:auto;border:1px solid #d0d7de;border-radius:4px;\
            margin-bottom:6px;background:#fff}
            progress{width:140px;vertical-align:middle}
            .empty{color:#57606a;font-style:italic}
            .nowrap{white-space:nowrap}
            .wrap{overflow-wrap:anywhere}
            .state{max-width:380px}
            .outputs{min-width:300px}
            .outputs .sub{white-space:nowrap}
            """;

    private final StringBuilder html = new StringBuilder(16_384);
    private final Instant now;

    private StatusPageHtml(Instant now) {
        this.now = now;
    }

    /** @param refresh how often the page says it reloads (the route sends the header); zero = never */
    static String render(StatusSnapshot snapshot, Duration refresh) {
        return new StatusPageHtml(snapshot.takenAt()).page(snapshot, refresh);
    }

    private String page(StatusSnapshot snapshot, Duration refresh) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Status · gis-camel-routes</title><style>").raw(STYLE).raw("</style></head><body>\n");
        raw("<header><h1>gis-camel-routes status</h1><p>As of ").text(TIME.format(now));
        if (!refresh.isZero()) {
            raw(" · reloads every ").text(age(refresh));
        }
        raw(" · <a href=\"/observe/health?exposureLevel=full\">health</a>"
                + " · <a href=\"/observe/metrics\">metrics</a></p></header>\n<main>\n");
        jobs(snapshot);
        runs(snapshot);
        raw("</main></body></html>\n");
        return html.toString();
    }

    private void jobs(StatusSnapshot snapshot) {
        raw("<section id=\"jobs\"><h2>GP jobs</h2>\n");
        if (snapshot.jobsProblem() != null) {
            raw("<p class=\"empty\">").text(snapshot.jobsProblem()).raw("</p></section>\n");
            return;
        }
        raw("<p class=\"counts\">");
        for (Map.Entry<GpPhase, Long> count : snapshot.jobCounts().entrySet()) {
            if (count.getValue() > 0) {
                raw("<span class=\"badge ").raw(phaseClass(count.getKey())).raw("\">")
                        .text(count.getKey().name() + " " + count.getValue()).raw("</span>");
            }
        }
        raw("<span class=\"sub\">").text(shownOf(snapshot.jobs().size(), snapshot.jobTotal(), "job"))
                .raw("</span></p>\n");
        if (snapshot.jobs().isEmpty()) {
            raw("<p class=\"empty\">No GP job yet: drop a file into a job's inbox.</p></section>\n");
            return;
        }
        raw("<table id=\"job-table\"><thead><tr><th>Job</th><th>State</th><th>Progress</th><th>Age</th>"
                + "<th>Outputs</th></tr></thead><tbody>\n");
        snapshot.jobs().forEach(this::job);
        raw("</tbody></table></section>\n");
    }

    private void job(StatusSnapshot.JobEntry entry) {
        GpJobRecord job = entry.job();
        raw("<tr class=\"job\" data-job=\"").text(job.id()).raw("\" data-phase=\"").text(job.phase().name())
                .raw("\">");
        raw("<td><div class=\"name\">").text(job.jobName()).raw("</div><div>").text(job.inputName())
                .raw("</div><div class=\"sub mono\">").text("id " + job.id()).raw("</div>");
        job.serverJobId().ifPresent(j -> raw("<div class=\"sub mono\">").text("server job " + j).raw("</div>"));
        raw("</td>");
        raw("<td class=\"state\"><span class=\"badge ").raw(phaseClass(job.phase())).raw("\">").text(job.phase().name())
                .raw("</span>");
        job.status().map(GpJobStatus::wireName).ifPresent(s -> raw("<div class=\"sub\">").text(s).raw("</div>"));
        if (job.errorCount() > 0) {
            raw("<div class=\"note\">").text(job.errorCount() + " failed poll(s) in a row; retried").raw("</div>");
        }
        job.failure().ifPresent(this::failure);
        raw("</td><td>");
        progress(job);
        Instant created = Instant.ofEpochMilli(job.createdAt());
        raw("</td><td class=\"nowrap\" title=\"created ").text(TIME.format(created)).raw("\">")
                .text(age(Duration.between(created, now)));
        if (job.finishedAt() != null) {
            raw("<div class=\"sub\">took ").text(took(Duration.ofMillis(job.finishedAt() - job.createdAt())))
                    .raw("</div>");
        }
        raw("</td><td class=\"outputs\">");
        outputs(entry);
        raw("</td></tr>\n");
    }

    private void failure(GpFailure failure) {
        raw("<div class=\"error\">").text(failure.step() + ": " + failure.reason()).raw(" <span class=\"sub\">(")
                .text(failure.reasonCode()).raw(")</span>");
        list(failure.serverMessages(), failure.serverMessages().size());
        raw("</div>");
    }

    private void progress(GpJobRecord job) {
        if (job.progress() == null) {
            raw("<span class=\"sub\">").text(job.phase().isFinished() ? "none reported" : "not polled yet")
                    .raw("</span>");
            return;
        }
        Matcher percent = PERCENT.matcher(job.progress());
        if (job.phase() == GpPhase.RUNNING && percent.find()) {
            int value = Math.min(100, Integer.parseInt(percent.group(1)));
            raw("<progress max=\"100\" value=\"").raw(Integer.toString(value)).raw("\">").text(value + "%")
                    .raw("</progress> ");
        }
        raw("<div>").text(job.progress()).raw("</div><div class=\"sub\">").text(job.pollCount() + " poll(s)")
                .raw("</div>");
    }

    private void outputs(StatusSnapshot.JobEntry entry) {
        if (entry.outputs().isEmpty()) {
            raw("<span class=\"sub\">none yet</span>");
            return;
        }
        for (GpOutputRecord output : entry.outputs()) {
            if (entry.outputsServable() && MapImages.isMapImage(output)) {
                String src = IMAGE_PATH + segment(entry.job().id()) + "/" + segment(output.file());
                raw("<a href=\"").text(src).raw("\"><img class=\"thumb\" src=\"").text(src).raw("\" alt=\"")
                        .text("map image " + output.file()).raw("\"></a>");
            }
        }
        raw("<ul>");
        for (GpOutputRecord output : entry.outputs()) {
            raw("<li>").text(output.file()).raw(" <span class=\"sub\">")
                    .text(output.kind() + " · " + size(output.size())).raw("</span>");
            if (output.warning() != null) {
                raw("<div class=\"note\">").text(output.warning()).raw("</div>");
            }
            raw("</li>");
        }
        raw("</ul>");
    }

    private void runs(StatusSnapshot snapshot) {
        raw("<section id=\"harvest\"><h2>Harvest runs</h2>\n");
        if (snapshot.runsProblem() != null) {
            raw("<p class=\"empty\">").text(snapshot.runsProblem()).raw("</p></section>\n");
            return;
        }
        if (snapshot.runs().isEmpty()) {
            raw("<p class=\"empty\">").text("No harvest run reported yet in " + snapshot.reportDir() + ".")
                    .raw("</p></section>\n");
            return;
        }
        raw("<table id=\"run-table\"><thead><tr><th>Source</th><th>Started</th><th>Status</th><th>Counts</th>"
                + "<th>Errors</th></tr></thead><tbody>\n");
        snapshot.runs().forEach(this::run);
        raw("</tbody></table></section>\n");
    }

    private void run(HarvestRunSummary run) {
        raw("<tr class=\"run\" data-source=\"").text(run.source()).raw("\" data-status=\"").text(run.status())
                .raw("\">");
        raw("<td><div class=\"name\">").text(run.source()).raw("</div><div class=\"sub mono\">")
                .text(run.reportName()).raw("</div></td><td");
        if (run.startedAt() != null) {
            raw(" title=\"").text(TIME.format(run.startedAt())).raw("\">")
                    .text(age(Duration.between(run.startedAt(), now)) + " ago");
            if (run.finishedAt() != null) {
                raw("<div class=\"sub\">took ").text(took(Duration.between(run.startedAt(), run.finishedAt())))
                        .raw("</div>");
            }
        } else {
            raw(">");
        }
        raw("</td><td><span class=\"badge ").raw(runClass(run.status())).raw("\">").text(run.status())
                .raw("</span>");
        if (run.dryRun()) {
            raw(" <span class=\"badge idle\">dry run</span>");
        }
        if (run.forced()) {
            raw(" <span class=\"badge warn\">forced</span>");
        }
        raw("</td><td class=\"nowrap\">");
        if (run.counts() != null) {
            counts(run.counts(), run.dryRun());
        }
        raw("</td><td class=\"wrap\">");
        errors(run);
        raw("</td></tr>\n");
    }

    private void counts(HarvestCounts c, boolean dryRun) {
        raw("<div>").text(c.servicesRead() + " services read · " + c.owned() + " registrations owned").raw("</div>");
        raw("<div class=\"sub\">").text((dryRun ? "would create " : "create ") + c.create() + " · update " + c.update()
                + " · delete " + c.delete() + " · unchanged " + c.unchanged() + " · kept " + c.keep()).raw("</div>");
        raw("<div class=\"sub\">").text("writes done " + c.done()).raw(" · ");
        raw(c.failed() > 0 ? "<span class=\"error\">" : "<span>").text("failed " + c.failed()).raw("</span></div>");
    }

    private void errors(HarvestRunSummary run) {
        if (run.reason() == null && run.unreadableCount() == 0 && run.itemErrorCount() == 0) {
            raw("<span class=\"sub\">none</span>");
            return;
        }
        if (run.reason() != null) {
            raw("<div class=\"error\">").text(run.reason()).raw("</div>");
        }
        if (run.unreadableCount() > 0) {
            raw("<div class=\"note\">").text("Unreadable parts of the source (their registrations kept): "
                    + run.unreadableCount()).raw("</div>");
            list(run.unreadable(), run.unreadableCount());
        }
        if (run.itemErrorCount() > 0) {
            raw("<div class=\"error\">").text("Failed writes: " + run.itemErrorCount()).raw("</div>");
            list(run.itemErrors(), run.itemErrorCount());
        }
    }

    private void list(List<String> shown, int total) {
        if (shown.isEmpty()) {
            return;
        }
        raw("<ul class=\"sub\">");
        shown.forEach(line -> raw("<li>").text(line).raw("</li>"));
        if (total > shown.size()) {
            raw("<li>").text("and " + (total - shown.size()) + " more in the report").raw("</li>");
        }
        raw("</ul>");
    }

    private StatusPageHtml raw(String markup) {
        html.append(markup);
        return this;
    }

    /** Text content or an attribute value, escaped for both. */
    private StatusPageHtml text(String value) {
        html.append(escape(value));
        return this;
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A URL path segment: '/' and everything else outside the unreserved set percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shownOf(int shown, long total, String noun) {
        if (total == 0) {
            return "";
        }
        return shown < total ? "newest " + shown + " of " + total + " " + noun + "s"
                : total + " " + noun + (total == 1 ? "" : "s");
    }

    private static String phaseClass(GpPhase phase) {
        return switch (phase) {
            case SUCCEEDED -> "ok";
            case FAILED, TIMED_OUT -> "bad";
            case RUNNING, DOWNLOADING, COMPLETING -> "busy";
            case SUBMITTING -> "idle";
        };
    }

    private static String runClass(String status) {
        return switch (status) {
            case "SUCCEEDED" -> "ok";
            case "PARTIAL", "STOPPED" -> "warn";
            case "FAILED", HarvestRunSummary.UNREADABLE -> "bad";
            default -> "idle";
        };
    }

    static String age(Duration duration) {
        long s = Math.max(0, duration.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** How long something took: tenths of a second while that is what tells runs apart. */
    static String took(Duration duration) {
        return duration.toMillis() < 10_000
                ? String.format(Locale.ROOT, "%.1f s", Math.max(0, duration.toMillis()) / 1000.0) : age(duration);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
