package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giscamel.reply.PermanentServerException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteJoinReportTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    private final SiteJoinReport report = new SiteJoinReport(START);

    private static StepResult result(Step step, StepOutcome outcome) {
        return new StepResult(step, outcome, step.label() + " " + outcome.label(), 1, Duration.ofMillis(5), Optional.empty());
    }

    @Test
    void aFinishedRunThatChangedSomethingIsDone() {
        report.record(result(Step.CHECK_MEMBERSHIP, StepOutcome.DONE));
        report.record(result(Step.JOIN_SITE, StepOutcome.DONE));
        report.finish(START.plusSeconds(3));

        assertEquals(SiteJoinReport.Outcome.DONE, report.outcome());
    }

    @Test
    void aFinishedRunThatOnlyCheckedIsAlreadyDone() {
        report.record(result(Step.CHECK_MEMBERSHIP, StepOutcome.DONE));
        report.record(result(Step.JOIN_SITE, StepOutcome.ALREADY_DONE));
        report.record(result(Step.ADD_TO_CLUSTER, StepOutcome.SKIPPED));
        report.finish(START.plusSeconds(1));

        assertEquals(SiteJoinReport.Outcome.ALREADY_DONE, report.outcome());
    }

    @Test
    void anUnfinishedRunIsRunning() {
        report.record(result(Step.JOIN_SITE, StepOutcome.DONE));

        assertEquals(SiteJoinReport.Outcome.RUNNING, report.outcome());
    }

    @Test
    void aRetriedStepKeepsOneEntryItsLatest() {
        report.record(StepResult.failed(Step.ADD_TO_CLUSTER, new IllegalStateException("boom"), 1, Duration.ZERO));
        report.record(new StepResult(Step.ADD_TO_CLUSTER, StepOutcome.DONE, "added", 2, Duration.ofMillis(9), Optional.empty()));
        report.finish(START.plusSeconds(1));

        assertEquals(1, report.steps().size());
        assertEquals(2, report.steps().get(0).attempts());
        assertEquals(SiteJoinReport.Outcome.DONE, report.outcome());
    }

    @Test
    void aFailureIsReportedWithTheServersAnswer() throws Exception {
        report.site("http://site:6080/arcgis");
        report.record(result(Step.CHECK_MEMBERSHIP, StepOutcome.DONE));
        report.record(StepResult.failed(Step.JOIN_SITE, new PermanentServerException("join site", 200, 400,
                List.of("Failed to join the site. Invalid username or password.")), 1, Duration.ofMillis(40)));
        report.finish(START.plusSeconds(1));

        JsonNode json = new ObjectMapper().readTree(report.toJsonText());

        assertEquals("failed", json.path("outcome").asText());
        assertEquals("join-site", json.path("failedStep").asText());
        JsonNode join = json.path("steps").get(1);
        assertEquals("failed", join.path("outcome").asText());
        assertEquals(40, join.path("durationMillis").asLong());
        assertEquals(400, join.path("server").path("code").asInt());
        assertEquals("Failed to join the site. Invalid username or password.",
                join.path("server").path("messages").get(0).asText());
        assertTrue(report.summary().startsWith("step 'join-site' failed: join site failed: Failed to join"), report.summary());
    }

    @Test
    void theJsonListsStepsInChainOrderWithTheirDurations() throws Exception {
        report.record(result(Step.START_MACHINE, StepOutcome.DONE));
        report.record(result(Step.CHECK_MEMBERSHIP, StepOutcome.DONE));
        report.finish(START.plusMillis(1500));

        JsonNode json = new ObjectMapper().readTree(report.toJsonText());

        assertEquals("check-membership", json.path("steps").get(0).path("step").asText());
        assertEquals("start-machine", json.path("steps").get(1).path("step").asText());
        assertEquals(5, json.path("steps").get(1).path("durationMillis").asLong());
        assertEquals(1500, json.path("durationMillis").asLong());
        assertFalse(json.has("failedStep"));
    }

    @Test
    void aMultiLineReasonBecomesOneLine() {
        assertEquals("first second", StepResult.reason(new IllegalStateException("first\n  second")));
    }
}
