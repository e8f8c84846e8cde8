package org.giscamel.iportal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giscamel.geo.LonLatBox;

import java.util.List;
import java.util.Optional;

/**
 * The {@code metadata} of a registration, in iPortal's element names (iportal-rest.md §3.2): the title
 * ({@code idCitation.resTitle}) and the address ({@code onLineSrc.linkage}) are required; the abstract
 * ({@code idAbs}), bounding box in degrees ({@code geoBndBox}) and reference system ({@code refSysID}) appear in
 * the documented example. Credit ({@code idCredit}) and keywords ({@code searchKeys.keyword}) use the same
 * ISO 19115 naming; the reference does not show them.
 */
public record ServiceMetadata(String title, String linkage, String abstractText, String credit, List<String> keywords,
                              Optional<Integer> wkid, Optional<Box> box) {

    /** A bounding box in degrees. */
    public record Box(double west, double east, double south, double north) {

        public static Box of(LonLatBox box) {
            return new Box(box.west(), box.east(), box.south(), box.north());
        }
    }

    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode metadata = json.objectNode();
        metadata.putObject("refSysInfo").put("refSysID", wkid.map(String::valueOf).orElse(""));
        ObjectNode ident = metadata.putObject("dataIdInfo").putObject("dataIdent");
        ident.putObject("idCitation").put("resTitle", title);
        ident.put("idAbs", abstractText);
        ident.put("idCredit", credit);
        ArrayNode keywordList = ident.putObject("searchKeys").putArray("keyword");
        keywords.forEach(keywordList::add);
        box.ifPresent(b -> ident.putObject("dataExt").putObject("geoEle").putObject("geoBndBox")
                .put("westBL", b.west()).put("eastBL", b.east()).put("southBL", b.south()).put("northBL", b.north()));
        metadata.putObject("distInfo").putObject("onLineSrc").put("linkage", linkage);
        return metadata;
    }
}
