package org.giscamel.sitejoin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** An ArcGIS Server release such as 10.8.1, compared part by part (10.10 is later than 10.9). */
public record ServerVersion(List<Integer> parts) implements Comparable<ServerVersion> {

    /** "Clusters have been deprecated"; DSC adds machines to a cluster only below this release. */
    public static final ServerVersion CLUSTERS_DEPRECATED = parse("10.8").orElseThrow();

    public ServerVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one part");
        }
    }

    /** A dotted release, as {@code /admin/info} spells {@code currentversion}: "10.8.1", "11.1". */
    public static Optional<ServerVersion> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.matches("\\d+(\\.\\d+)*")) {
            return Optional.empty();
        }
        return Optional.of(new ServerVersion(Arrays.stream(trimmed.split("\\.")).map(Integer::valueOf).toList()));
    }

    /**
     * A version field of a reply. A string is dotted ("10.8.1"); a number is REST's {@code currentVersion}
     * encoding, one digit per minor part (10.81 is 10.8.1, 10.61 is 10.6.1), so it is not read as 10.81.
     */
    public static Optional<ServerVersion> of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            return parse(node.asText());
        }
        String[] number = node.decimalValue().stripTrailingZeros().toPlainString().split("\\.");
        List<Integer> parts = new ArrayList<>();
        parts.add(Integer.valueOf(number[0]));
        if (number.length > 1) {
            number[1].chars().forEach(digit -> parts.add(digit - '0'));
        }
        return Optional.of(new ServerVersion(parts));
    }

    public boolean isAtLeast(ServerVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ServerVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int mine = i < parts.size() ? parts.get(i) : 0;
            int theirs = i < other.parts.size() ? other.parts.get(i) : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
    }
}
