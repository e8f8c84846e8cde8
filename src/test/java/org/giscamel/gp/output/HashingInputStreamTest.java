package org.giscamel.gp.output;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HashingInputStreamTest {

    /** sha256("hello world"). */
    private static final String HELLO_WORLD = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

    private static HashingInputStream stream() {
        return new HashingInputStream(new ByteArrayInputStream("hello world".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void bulkReadsAreCountedAndHashed() throws IOException {
        HashingInputStream in = stream();

        in.readAllBytes();

        assertEquals(11, in.size());
        assertEquals(HELLO_WORLD, in.sha256());
    }

    @Test
    void singleByteReadsAreCountedAndHashed() throws IOException {
        HashingInputStream in = stream();

        while (in.read() >= 0) {
            // read to the end one byte at a time
        }

        assertEquals(11, in.size());
        assertEquals(HELLO_WORLD, in.sha256());
    }

    @Test
    void skippedBytesStillCount() throws IOException {
        HashingInputStream in = stream();

        assertEquals(6, in.skip(6));
        in.readAllBytes();

        assertEquals(11, in.size());
        assertEquals(HELLO_WORLD, in.sha256());
    }

    @Test
    void markIsNotOfferedSinceRereadBytesWouldBeHashedTwice() {
        assertFalse(stream().markSupported());
    }
}
