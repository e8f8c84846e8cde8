package org.giscamel.sitejoin;

/** How a step that did not fail ended, with a sentence for the report and the log. */
record Completion(StepOutcome outcome, String detail) {

    static Completion done(String detail) {
        return new Completion(StepOutcome.DONE, detail);
    }

    static Completion alreadyDone(String detail) {
        return new Completion(StepOutcome.ALREADY_DONE, detail);
    }

    static Completion skipped(String reason) {
        return new Completion(StepOutcome.SKIPPED, reason);
    }
}
