package org.giscamel.gp;

import java.util.Locale;

/**
 * A format a WPS 1.0.0 complex input takes, as {@code DescribeProcess} lists it ({@code Format} of
 * {@code ComplexData/Default} or {@code ComplexData/Supported}: {@code MimeType}, optional {@code Encoding} and
 * {@code Schema}). An Execute request names the chosen one in its {@code mimeType}, {@code encoding} and
 * {@code schema} attributes, so the server reads the content as that format.
 *
 * @param encoding empty when the description names none
 * @param schema   empty when the description names none
 */
public record WpsFormat(String mimeType, String encoding, String schema) {

    /** The MIME type without parameters, lower case: {@code text/xml; subtype=gml/3.1.1} → {@code text/xml}. */
    public String baseType() {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Content in this format is base64 text, not the file's bytes as they are. */
    public boolean base64() {
        return encoding.equalsIgnoreCase("base64");
    }

    @Override
    public String toString() {
        return mimeType + (encoding.isEmpty() ? "" : " (" + encoding + ")") + (schema.isEmpty() ? "" : " " + schema);
    }
}
