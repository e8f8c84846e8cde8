package org.giscamel.gp.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.giscamel.gp.input.GpInputException.Reason.EMPTY_FILE;

/**
 * Turns a dropped file into a checked GP input, failing with a {@link GpInputException} for everything that can
 * be known before submitting: file type, size, JSON syntax, GeoJSON or Esri structure, an empty set, and what
 * the task's input parameter accepts. Upload files are only looked at, never read: they may be gigabytes.
 */
public final class GpInputReader {

    private final GpInputSettings settings;
    private final FeatureFiles featureFiles;

    public GpInputReader(GpInputSettings settings) {
        this.settings = settings;
        this.featureFiles = new FeatureFiles(settings);
    }

    /**
     * @param parameter the task metadata's entry for the input parameter ({@code name}, {@code dataType},
     *                  {@code filter}); null to skip the parameter checks
     * @throws GpInputException when the file cannot be this parameter's value
     * @throws IOException      when the file cannot be read
     */
    public GpInput read(Path file, JsonNode parameter) throws IOException {
        ParameterRules rules = new ParameterRules(parameter);
        if (rules.kindOf(file, settings) == GpInputKind.UPLOAD) {
            if (Files.size(file) == 0) {
                throw new GpInputException(EMPTY_FILE, file.getFileName() + ": the file is empty");
            }
            rules.checkUpload(file);
            return new GpInput.Upload(file);
        }
        GpInput.Features features = featureFiles.read(file);
        rules.checkFeatures(file.getFileName().toString(), features);
        return features;
    }
}
