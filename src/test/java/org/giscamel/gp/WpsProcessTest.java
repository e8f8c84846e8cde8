package org.giscamel.gp;

import org.giscamel.ogc.Xml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading {@code wps:ExecuteResponse} status documents, whatever prefixes the server chose. */
class WpsProcessTest {

    private static GpBackend.JobState state(String status) {
        String xml = "<r:ExecuteResponse xmlns:r='http://www.opengis.net/wps/1.0.0' "
                + "xmlns:o='http://www.opengis.net/ows/1.1'><r:Status>" + status + "</r:Status></r:ExecuteResponse>";
        return WpsProcess.state(Xml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
    }

    @Test
    void acceptedPausedAndStartedKeepTheJobPolledBelowCodeFour() {
        assertEquals(1, state("<r:ProcessAccepted>queued</r:ProcessAccepted>").status().code());
        assertEquals(2, state("<r:ProcessPaused percentCompleted='10'>paused</r:ProcessPaused>").status().code());
        GpBackend.JobState started = state("<r:ProcessStarted percentCompleted='33'>working</r:ProcessStarted>");
        assertEquals(3, started.status().code());
        assertEquals(33, started.progress().path("percent").asInt());
        assertEquals("working", started.progress().path("message").asText());
    }

    @Test
    void aFailedProcessCarriesItsExceptionText() {
        GpBackend.JobState failed = state("<r:ProcessFailed><o:ExceptionReport><o:Exception exceptionCode='NoApplicableCode'>"
                + "<o:ExceptionText>disk full</o:ExceptionText></o:Exception></o:ExceptionReport></r:ProcessFailed>");
        assertEquals(5, failed.status().code());
        assertEquals("NoApplicableCode: disk full", failed.messages().get(0).path("description").asText());
    }

    @Test
    void referencedOutputsBecomeFilesAndLiteralDataALiteral() {
        String xml = "<wps:ExecuteResponse xmlns:wps='http://www.opengis.net/wps/1.0.0' "
                + "xmlns:ows='http://www.opengis.net/ows/1.1'><wps:Status><wps:ProcessSucceeded>ok</wps:ProcessSucceeded>"
                + "</wps:Status><wps:ProcessOutputs>"
                + "<wps:Output><ows:Identifier>dem</ows:Identifier><wps:Reference href='http://h/o/dem.tif' mimeType='image/tiff'/></wps:Output>"
                + "<wps:Output><ows:Identifier>log</ows:Identifier><wps:Reference href='http://h/o/log.txt' mimeType='text/plain'/></wps:Output>"
                + "<wps:Output><ows:Identifier>n</ows:Identifier><wps:Data><wps:LiteralData>7</wps:LiteralData></wps:Data></wps:Output>"
                + "</wps:ProcessOutputs></wps:ExecuteResponse>";
        GpBackend.JobState done = WpsProcess.state(Xml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        assertEquals(4, done.status().code());
        assertEquals("GPRasterDataLayer", done.results().get(0).path("dataType").asText());
        assertEquals("http://h/o/dem.tif", done.results().get(0).path("value").path("url").asText());
        assertEquals("GPDataFile", done.results().get(1).path("dataType").asText());
        assertEquals("7", done.results().get(2).path("value").asText());
    }
}
