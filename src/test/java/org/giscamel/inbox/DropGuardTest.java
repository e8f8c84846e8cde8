package org.giscamel.inbox;

import org.apache.camel.component.file.FileConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which inbox entries are refused, under what stored name, and what the filter hands to the inbox. */
class DropGuardTest {

    @TempDir
    Path inbox;

    @Test
    void aNameWithABackslashIsRefusedAndStoredWithoutSeparatorsOrDoubleDots() throws IOException {
        Path entry = Files.writeString(inbox.resolve("x\\..\\..\\evil.geojson"), "{}");

        RefusedDrop refused = DropGuard.check(entry).orElseThrow();

        assertEquals("unsafe-name", refused.reasonCode());
        assertEquals("x\\..\\..\\evil.geojson", refused.name());
        assertEquals("x_._._evil.geojson", refused.storedName());
        assertEquals(entry, refused.entry());
        assertTrue(refused.reason().contains("outside its folder"), refused.reason());
    }

    @Test
    void storedNamesHaveNoSeparatorAndNoDoubleDot() {
        assertEquals("a_b.geojson", DropGuard.safeName("a\\b.geojson"));
        assertEquals("_._._etc_passwd", DropGuard.safeName("\\..\\..\\etc/passwd"));
        assertEquals("a.b.json", DropGuard.safeName("a...b.json"));
    }

    @Test
    void dotsWithoutABackslashAreAnOrdinaryName() throws IOException {
        assertEquals(Optional.empty(), DropGuard.check(Files.writeString(inbox.resolve("survey..2024.geojson"), "{}")));
        assertEquals(Optional.empty(), DropGuard.check(Files.writeString(inbox.resolve("points.geojson"), "{}")));
    }

    @Test
    void aSymbolicLinkIsRefusedWhetherOrNotItsTargetExists() throws IOException {
        Files.writeString(inbox.resolveSibling(inbox.getFileName() + "-outside.geojson"), "{}");
        Path live = Files.createSymbolicLink(inbox.resolve("live.geojson"), Path.of("../" + inbox.getFileName() + "-outside.geojson"));
        Path dangling = Files.createSymbolicLink(inbox.resolve("dangling.geojson"), Path.of("../../nowhere.geojson"));

        for (Path link : List.of(live, dangling)) {
            RefusedDrop refused = DropGuard.check(link).orElseThrow();
            assertEquals("symbolic-link", refused.reasonCode());
            assertEquals(link.getFileName().toString(), refused.storedName());
            assertTrue(refused.reason().contains("symbolic link to " + Files.readSymbolicLink(link)), refused.reason());
        }
        RefusedDropException thrown = assertThrows(RefusedDropException.class, () -> DropGuard.requireSafe(live));
        assertEquals("symbolic-link", thrown.drop().reasonCode());
    }

    @Test
    void theFilterLetsGoodEntriesThroughAndHandsRefusedOnesToTheInbox() throws IOException {
        Path good = Files.writeString(inbox.resolve("good.geojson"), "{}");
        Path bad = Files.writeString(inbox.resolve("a\\b.geojson"), "{}");
        List<RefusedDrop> handed = new ArrayList<>();
        DropGuard guard = new DropGuard(handed::add);

        assertTrue(guard.accept(FileConsumer.asGenericFile(inbox.toString(), good.toFile(), null, false)));
        assertFalse(guard.accept(FileConsumer.asGenericFile(inbox.toString(), bad.toFile(), null, false)));

        assertEquals(List.of(bad), handed.stream().map(RefusedDrop::entry).toList());
    }

    @Test
    void anEntryTheInboxCouldNotMoveIsStillKeptOutOfTheRouteAndStaysWhereItIs() throws IOException {
        Path bad = Files.writeString(inbox.resolve("a\\b.geojson"), "{}");
        DropGuard guard = new DropGuard(drop -> {
            throw new IOException("failed/ is read-only");
        });

        assertFalse(guard.accept(FileConsumer.asGenericFile(inbox.toString(), bad.toFile(), null, false)));
        assertTrue(Files.exists(bad));
    }
}
