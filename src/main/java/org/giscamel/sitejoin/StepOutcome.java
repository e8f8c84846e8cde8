package org.giscamel.sitejoin;

/** How a step ended. A second run of the chain finds every step that brings a change ALREADY_DONE. */
public enum StepOutcome {
    /** The step changed something, or checked what it had to. */
    DONE("done"),
    /** What the step would do was found done already. */
    ALREADY_DONE("already-done"),
    /** The step does not apply; the detail says why. */
    SKIPPED("skipped"),
    FAILED("failed");

    private final String label;

    StepOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
