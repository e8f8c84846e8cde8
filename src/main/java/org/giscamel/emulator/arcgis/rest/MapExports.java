package org.giscamel.emulator.arcgis.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.emulator.http.BadRequestException;
import org.giscamel.emulator.http.EmulatorRequest;
import org.giscamel.emulator.http.EmulatorResponse;
import org.giscamel.emulator.http.Json;
import org.giscamel.emulator.imagery.Extent;
import org.giscamel.emulator.imagery.ImageFormat;
import org.giscamel.emulator.imagery.MapCanvas;
import org.giscamel.emulator.imagery.SpatialRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code export} operation every emulated map service shares (reference §5.11, DOC:export-map): it reads the
 * image parameters as GDAL, QGIS and the JSAPI send them ({@code bbox} with 8 decimals, {@code bboxSR} and
 * {@code imageSR} as wkids, upper-case {@code format=PNG}, {@code layers=show:0}, empty {@code layers=} and
 * {@code time=}), draws the map in an image of exactly the requested size, and answers with the image bytes
 * ({@code f=image}) or {@code {href, width, height, extent, scale}}. An exported image is kept as its recipe and
 * drawn again when its {@code href} is fetched.
 */
public final class MapExports {

    /** What {@link ImageFormat} encodes, as a map service lists it in {@code supportedImageFormatTypes}. */
    public static final String SUPPORTED_IMAGE_FORMATS = "PNG32,PNG24,PNG8,PNG,JPG,GIF,BMP";
    /** The services' {@code maxImageWidth} and {@code maxImageHeight}. */
    public static final int MAX_IMAGE_SIZE = 4096;
    private static final int DEFAULT_SIZE = 400;
    private static final int DEFAULT_DPI = 96;
    private static final int KEPT_IMAGES = 1000;
    private static final String UNABLE = "Unable to complete operation.";

    /** What one map service draws. */
    public interface MapContent {
        /** The service's name, e.g. {@code Basemaps/Streets}; its images live under {@code <name>_MapServer}. */
        String serviceName();

        /** The map's spatial reference, in which {@code bbox} is read and the image drawn unless asked otherwise. */
        SpatialRef spatialReference();

        /** Every layer id; all are visible by default. */
        List<Integer> layerIds();

        /** How one layer is drawn in {@code imageSr}; empty when it has nothing to show. */
        Optional<MapCanvas.Painter> painter(int layerId, SpatialRef imageSr);
    }

    /** One image: what it shows (extent in {@code spatialReference}, fitted to the image) and how it is encoded. */
    public record MapImage(MapContent content, Extent extent, SpatialRef spatialReference, int width, int height,
                           int dpi, ImageFormat format, boolean transparent, Set<Integer> layers) {
    }

    private final Function<EmulatorRequest, String> siteUrl;
    private final Map<String, MapImage> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MapImage> eldest) {
            return size() > KEPT_IMAGES;
        }
    };

    /** @param siteUrl the site root an {@code href} starts with, e.g. {@code http://host:6080/arcgis} */
    public MapExports(Function<EmulatorRequest, String> siteUrl) {
        this.siteUrl = siteUrl;
    }

    /**
     * {@code …/MapServer/export}. {@code bbox} is required. A parameter the emulator cannot honour is answered
     * with the services envelope and HTTP 200, as ArcGIS answers a failed operation (wording unverified).
     */
    public EmulatorResponse export(EmulatorRequest request, MapContent content) {
        MapImage image;
        try {
            image = image(request, content, Optional.empty(),
                    visibleLayers(request.param("layers").orElse(""), content.layerIds()));
        } catch (BadRequestException e) {
            return EmulatorResponse.json(ArcGisErrors.services(400, UNABLE, List.of(e.getMessage())));
        }
        return request.format().equals("image") ? draw(image) : EmulatorResponse.json(describe(request, image));
    }

    /**
     * An image of {@code layers} at the request's image parameters, of {@code fallback} where the request names
     * no {@code bbox}. {@code bboxSR} and {@code imageSR} default to the map's spatial reference.
     *
     * @throws BadRequestException on a parameter the emulator cannot honour, or no bbox and no fallback
     */
    public MapImage image(EmulatorRequest request, MapContent content, Optional<Extent> fallback, Set<Integer> layers) {
        int[] size = size(request.param("size").orElse(""));
        Extent requested = request.nonBlankParam("bbox").map(Extent::parseBbox).or(() -> fallback)
                .orElseThrow(() -> new BadRequestException("'bbox' must be specified."));
        SpatialRef bboxSr = spatialReference(request, "bboxSR", content.spatialReference());
        SpatialRef imageSr = spatialReference(request, "imageSR", content.spatialReference());
        content.spatialReference().to(imageSr); // refuses a projection the emulator cannot draw, before drawing
        Extent extent = bboxSr.to(imageSr).apply(requested).fitTo(size[0], size[1]);
        return new MapImage(content, extent, imageSr, size[0], size[1],
                request.nonBlankParam("dpi").map(MapExports::dpi).orElse(DEFAULT_DPI),
                ImageFormat.parse(request.param("format").orElse("png")),
                request.booleanParam("transparent", false), layers);
    }

    /** {@code {href, width, height, extent, scale}}; the image is kept so that its {@code href} draws it again. */
    public ObjectNode describe(EmulatorRequest request, MapImage image) {
        String name = "_ags_map" + UUID.randomUUID().toString().replace("-", "") + "." + image.format().extension();
        synchronized (kept) {
            kept.put(name, image);
        }
        ObjectNode body = Json.object()
                .put("href", siteUrl.apply(request) + "/rest/directories/arcgisoutput/"
                        + outputDirectory(image.content().serviceName()) + "/" + name)
                .put("width", image.width())
                .put("height", image.height());
        body.set("extent", image.extent().toJson(image.spatialReference().toJson()));
        body.put("scale", MapCanvas.scale(image.extent(), image.width(), image.dpi(),
                image.spatialReference().isGeographic()));
        return body;
    }

    /** Draws the visible layers, the last one first: layer 0 is the top of a map's table of contents. */
    public EmulatorResponse draw(MapImage image) {
        List<MapCanvas.Painter> painters = new ArrayList<>();
        for (int id : new TreeSet<>(image.layers()).descendingSet()) {
            image.content().painter(id, image.spatialReference()).ifPresent(painters::add);
        }
        byte[] bytes = MapCanvas.render(image.width(), image.height(), image.extent(), image.format(),
                image.transparent(), painters);
        return EmulatorResponse.bytes(200, image.format().contentType(), bytes);
    }

    /** The image an {@code href} of {@code serviceName} names, drawn again; a 404 envelope once it is gone. */
    public EmulatorResponse kept(String serviceName, String fileName) {
        MapImage image;
        synchronized (kept) {
            image = kept.get(fileName);
        }
        return image == null || !image.content().serviceName().equals(serviceName)
                ? EmulatorResponse.json(ArcGisErrors.services(404, "File not found", List.of()))
                : draw(image);
    }

    /** {@code <service>_MapServer}, the output directory of a map service's images, under {@code arcgisoutput}. */
    public static String outputDirectory(String serviceName) {
        return serviceName + "_MapServer";
    }

    /**
     * {@code show|hide|include|exclude:ids}; anything without a colon (GDAL sends {@code layers=}) means the
     * default, every layer. Ids the map lacks are ignored.
     */
    public static Set<Integer> visibleLayers(String spec, List<Integer> all) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new TreeSet<>(all);
        }
        Set<Integer> ids = new TreeSet<>();
        for (String id : spec.substring(colon + 1).split(",")) {
            if (!id.isBlank()) {
                try {
                    ids.add(Integer.parseInt(id.trim()));
                } catch (NumberFormatException e) {
                    throw new BadRequestException("'layers' must be show|hide|include|exclude:<ids>");
                }
            }
        }
        ids.retainAll(all);
        Set<Integer> shown = new TreeSet<>(all);
        return switch (spec.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
            case "show" -> ids;
            case "hide", "exclude" -> {
                shown.removeAll(ids);
                yield shown;
            }
            // include adds to the default visibility, which already shows every layer
            case "include" -> shown;
            default -> throw new BadRequestException("'layers' must be show|hide|include|exclude:<ids>");
        };
    }

    private static SpatialRef spatialReference(EmulatorRequest request, String parameter, SpatialRef map) {
        return request.nonBlankParam(parameter).map(text -> SpatialRef.parse(parameter, text)).orElse(map);
    }

    private static int dpi(String text) {
        try {
            return Math.max(1, (int) Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new BadRequestException("'dpi' must be a number");
        }
    }

    private static int[] size(String text) {
        if (text.isBlank()) {
            return new int[]{DEFAULT_SIZE, DEFAULT_SIZE};
        }
        String[] parts = text.split(",");
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : w;
            if (w <= 0 || h <= 0 || w > MAX_IMAGE_SIZE || h > MAX_IMAGE_SIZE) {
                throw new BadRequestException("'size' must be between 1 and " + MAX_IMAGE_SIZE + " pixels per side");
            }
            return new int[]{w, h};
        } catch (NumberFormatException e) {
            throw new BadRequestException("'size' must be width,height");
        }
    }
}
