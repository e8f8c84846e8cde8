package org.giscamel.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandLineTest {

    @Test
    void aWrappedFailureNamesEveryDistinctCause() {
        Exception e = new IllegalStateException("Failed to create route gp-job",
                new IllegalArgumentException("Cannot create bean",
                        new IllegalArgumentException("gis.gp.deadline must be a duration")));
        assertEquals("Failed to create route gp-job: Cannot create bean: gis.gp.deadline must be a duration",
                CommandLine.causes(e));
    }

    @Test
    void aCauseAlreadyInTheMessageIsNotRepeated() {
        Exception e = new IllegalStateException("join failed: timeout", new RuntimeException("timeout"));
        assertEquals("join failed: timeout", CommandLine.causes(e));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(CommandLine.USAGE_ERROR, CommandLine.execute(new String[]{"no-such-command"}));
    }
}
