package org.giscamel.emulator.arcgis.gp;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes an uploaded raster or file ({@code {"itemID":..}}): its format from the magic bytes, its size and its
 * SHA-256, so a client can prove that what it uploaded is what the server processed.
 */
final class RasterInfoTool implements GpTool {

    static final String INPUT_RASTER = "Input_Raster";
    static final String OUTPUT_FORMAT = "Output_Format";
    static final String OUTPUT_SIZE = "Output_Size";
    static final String OUTPUT_SHA256 = "Output_SHA256";

    @Override
    public List<String> validate(GpRun run) {
        return item(run).isPresent() ? List.of() : List.of(FeatureInput.notFound(run, INPUT_RASTER));
    }

    @Override
    public Map<String, GpOutput> run(GpRun run) {
        byte[] content = item(run).orElseThrow().content();
        return Map.of(
                OUTPUT_FORMAT, new GpOutput.Literal(TextNode.valueOf(format(content))),
                OUTPUT_SIZE, new GpOutput.Literal(LongNode.valueOf(content.length)),
                OUTPUT_SHA256, new GpOutput.Literal(TextNode.valueOf(sha256(content))));
    }

    private static Optional<GpUploads.Item> item(GpRun run) {
        return run.input(INPUT_RASTER).filter(v -> v.has("itemID"))
                .map(v -> v.get("itemID").asText())
                .flatMap(id -> run.uploads().find(run.serviceName(), id));
    }

    static String format(byte[] b) {
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return "TIFF";
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "PNG";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return "JPEG";
        }
        return "Unknown";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
