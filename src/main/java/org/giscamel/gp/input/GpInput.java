package org.giscamel.gp.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/** A dropped file, checked and ready to be passed as a GP input parameter. */
public sealed interface GpInput {

    /** Where a feature set came from. */
    enum Source { GEOJSON, ESRI_JSON }

    /**
     * An inline feature set.
     *
     * @param geometryType the Esri geometry type, null for a set of attribute-only rows
     */
    record Features(ObjectNode featureSet, String geometryType, int featureCount, Source source) implements GpInput {

        /** The form-field value: non-literal inputs travel as JSON text (arcgis-rest.md §5.3). */
        public String parameterValue() {
            return featureSet.toString();
        }
    }

    /** A data file to upload first. */
    record Upload(Path file) implements GpInput {

        /** The form-field value naming the uploaded item. */
        public static String parameterValue(String itemId) {
            return JsonNodeFactory.instance.objectNode().put("itemID", itemId).toString();
        }
    }
}
