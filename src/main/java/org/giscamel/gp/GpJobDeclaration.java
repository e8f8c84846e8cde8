package org.giscamel.gp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.giscamel.config.GisSettings;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The job a {@code gis-gp-job} route instance declares, bound by the template as a route-local bean from the
 * template parameters. It is checked when the route is created, so a wrong value stops start-up with a message
 * naming the job and the parameter; as a step it tells the following beans which job a dropped file is for.
 */
public final class GpJobDeclaration implements Processor {

    /** Exchange property holding the {@link GpJobSpec} of the dropped file. */
    public static final String SPEC = "gpJobSpec";

    private final Map<String, String> values = new HashMap<>();
    private GpJobSpec spec;

    public void setName(String value) {
        values.put("name", value);
    }

    public void setTaskUrl(String value) {
        values.put("taskUrl", value);
    }

    public void setInputParameter(String value) {
        values.put("inputParameter", value);
    }

    public void setParameters(String value) {
        values.put("parameters", value);
    }

    public void setOutput(String value) {
        values.put("output", value);
    }

    public void setMapImage(String value) {
        values.put("mapImage", value);
    }

    public void setMapImageSize(String value) {
        values.put("mapImageSize", value);
    }

    public void setMapImageFormat(String value) {
        values.put("mapImageFormat", value);
    }

    public void setReturnData(String value) {
        values.put("returnData", value);
    }

    public void setDeadline(String value) {
        values.put("deadline", value);
    }

    public void setFeatureFormats(String value) {
        values.put("featureFormats", value);
    }

    public void setInputWkid(String value) {
        values.put("inputWkid", value);
    }

    public void setBackend(String value) {
        values.put("backend", value);
    }

    public void setProcess(String value) {
        values.put("process", value);
    }

    public void setWpsInput(String value) {
        values.put("wpsInput", value);
    }

    /** Checks every value at once; the template calls it when the route is created. */
    public void check() {
        String name = values.getOrDefault("name", "").trim();
        String prefix = "gis-gp-job '" + (name.isEmpty() ? "?" : name) + "' parameter ";
        GisSettings params = new GisSettings(key -> Optional.ofNullable(values.get(key.substring(prefix.length()))));
        params.required(prefix + "name", "to name the job in logs, the job store and the outbox");
        boolean wps = params.choice(prefix + "backend", "arcgis", "arcgis", "wps").equals("wps");
        Optional<String> wpsProcess = wps
                ? Optional.of(params.required(prefix + "process", "(the WPS process identifier, for backend wps)"))
                : Optional.empty();
        GpJobSpec.WpsInput wpsInput = GpJobSpec.WpsInput.valueOf(params.choice(prefix + "wpsInput", "content",
                "content", "name").toUpperCase(Locale.ROOT));
        if (!wps && wpsInput == GpJobSpec.WpsInput.NAME) {
            params.problem(prefix + "wpsInput: name applies to backend wps only");
        }
        Optional<String> taskUrl = params.httpUrl(prefix + "taskUrl");
        if (taskUrl.isEmpty()) {
            params.required(prefix + "taskUrl", wps ? "(the WPS endpoint, as in https://host/wps)"
                    : "(the GP task, as in https://host/arcgis/rest/services/X/GPServer/Task)");
        } else if (!wps) {
            try {
                GpTaskInfo.serviceUrl(URI.create(taskUrl.get()));
            } catch (IllegalArgumentException e) {
                params.problem(prefix + "taskUrl: " + e.getMessage());
            }
        }
        String inputParameter = params.required(prefix + "inputParameter", "(the task parameter the dropped file becomes)");
        ObjectNode parameters = fixedParameters(params, prefix + "parameters");
        String output = params.string(prefix + "output", "");
        if (!output.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.+")) {
            params.problem(prefix + "output must be a Camel endpoint URI such as file:outbox/gp but is '" + output + "'");
        } else if (output.startsWith("file:?") || output.equals("file:")) {
            params.problem(prefix + "output names no folder: '" + output + "'");
        }
        Optional<GpJobSpec.MapImage> mapImage = Optional.empty();
        if (params.bool(prefix + "mapImage", false) && wps) {
            params.problem(prefix + "mapImage: a WPS process has no result map service");
        } else if (params.bool(prefix + "mapImage", false)) {
            int[] size = size(params, prefix + "mapImageSize");
            mapImage = Optional.of(new GpJobSpec.MapImage(size[0], size[1], params.choice(prefix + "mapImageFormat",
                    "png", "png", "png8", "png24", "png32", "jpg", "gif", "bmp")));
        }
        boolean returnData = params.bool(prefix + "returnData", true);
        Optional<Duration> deadline = params.optional(prefix + "deadline")
                .map(d -> params.duration(prefix + "deadline", null));
        Set<GpJobSpec.FeatureFormat> formats = featureFormats(params, prefix + "featureFormats");
        int wkid = params.integer(prefix + "inputWkid", 4326, 1, Integer.MAX_VALUE);
        params.requireValid();
        spec = new GpJobSpec(name, URI.create(taskUrl.orElseThrow()), inputParameter, parameters, output, mapImage,
                returnData, deadline, formats, wkid, wpsProcess, wpsInput);
    }

    public GpJobSpec spec() {
        if (spec == null) {
            check();
        }
        return spec;
    }

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(SPEC, spec());
    }

    private static ObjectNode fixedParameters(GisSettings params, String key) {
        String text = params.string(key, "{}");
        try {
            JsonNode node = GpJson.MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        params.problem(key + " must be a JSON object of parameter values, as in {\"Distance\": "
                + "{\"distance\": 500, \"units\": \"esriMeters\"}}, but is '" + text + "'");
        return GpJson.object();
    }

    private static int[] size(GisSettings params, String key) {
        String text = params.string(key, "800,600");
        String[] parts = text.split(",");
        try {
            int width = Integer.parseInt(parts[0].trim());
            int height = Integer.parseInt(parts[parts.length == 2 ? 1 : 0].trim());
            if (parts.length == 2 && width > 0 && height > 0 && width <= 4096 && height <= 4096) {
                return new int[]{width, height};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        params.problem(key + " must be width,height in pixels (1 to 4096) but is '" + text + "'");
        return new int[]{1, 1};
    }

    private static Set<GpJobSpec.FeatureFormat> featureFormats(GisSettings params, String key) {
        Set<GpJobSpec.FeatureFormat> formats = EnumSet.noneOf(GpJobSpec.FeatureFormat.class);
        for (String item : params.string(key, "geojson,esrijson").split(",")) {
            try {
                formats.add(GpJobSpec.FeatureFormat.parse(item));
            } catch (IllegalArgumentException e) {
                params.problem(key + " lists '" + item.trim() + "'; use geojson and/or esrijson");
            }
        }
        return formats;
    }
}
