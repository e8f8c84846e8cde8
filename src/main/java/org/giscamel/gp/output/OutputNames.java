package org.giscamel.gp.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Safe local names for files the server names. Output names and URLs come from the server, so a name that
 * tries to climb out of the output folder ({@code ..}) is refused, and the rest is made a plain file name that
 * works on Linux and Windows alike: directories dropped, control and reserved characters replaced, no leading
 * dot (a hidden file), no device name, the extension kept.
 */
public final class OutputNames {

    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
    private static final Pattern CONTROL_CHARS = Pattern.compile("[\\p{Cntrl}\\p{Cf}]");
    private static final Pattern UNSAFE_CHARS = Pattern.compile("[\\p{Cntrl}\\p{Cf}<>:\"|?*]");
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");
    /** File systems allow 255 bytes per name; a little is left for whatever a later step appends. */
    private static final int MAX_NAME_BYTES = 240;

    private OutputNames() {
    }

    /**
     * @param fallback the name to use when nothing usable is left (e.g. {@code "Output_Raster.tif"})
     * @throws UnsafeOutputNameException when the name contains a {@code ..} path segment
     */
    public static String fileName(String serverName, String fallback) {
        if (serverName == null) {
            return fallback;
        }
        String[] segments = SEPARATORS.split(serverName, -1);
        for (String segment : segments) {
            if (segment.trim().equals("..")) {
                throw new UnsafeOutputNameException("refused output name '" + printable(serverName)
                        + "': it would leave the output folder");
            }
        }
        String name = UNSAFE_CHARS.matcher(segments[segments.length - 1]).replaceAll("_").trim();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            return fallback;
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (WINDOWS_DEVICES.contains(base.toUpperCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return shortened(name);
    }

    /**
     * The file name a download URL ends with: its last path segment, percent-decoded, then made safe as by
     * {@link #fileName}. An encoded {@code ..%2F} counts as the traversal it decodes to.
     */
    public static String fromUrl(String url, String fallback) {
        if (url == null) {
            return fallback;
        }
        String path = url.replaceFirst("[?#].*$", "").replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return fileName(percentDecoded(segment), fallback);
    }

    /**
     * The path of {@code name} inside {@code folder}, after normalisation.
     *
     * @throws UnsafeOutputNameException when the result is the folder itself or lies outside it
     */
    public static Path resolveInside(Path folder, String name) {
        Path root = folder.toAbsolutePath().normalize();
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new UnsafeOutputNameException("refused output name '" + printable(name)
                    + "': it resolves outside the output folder " + root);
        }
        return resolved;
    }

    /** Cuts the base name, not the extension, so the file still opens with the right program. */
    private static String shortened(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int budget = MAX_NAME_BYTES - extension.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return kept + extension;
    }

    /** Decodes %XX sequences as UTF-8; a '+' stays a '+', as it does in a URL path. */
    private static String percentDecoded(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '%' && i + 2 < segment.length() && isHex(segment.charAt(i + 1))
                    && isHex(segment.charAt(i + 2))) {
                bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int end = i + Character.charCount(segment.codePointAt(i));
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Names are echoed in errors and logs; control characters must not reach them. */
    private static String printable(String name) {
        return CONTROL_CHARS.matcher(name).replaceAll("?");
    }
}
