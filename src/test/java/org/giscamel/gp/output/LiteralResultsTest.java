package org.giscamel.gp.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.giscamel.arcgis.geometry.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteralResultsTest {

    @Test
    void resultRepliesAreCollectedByParameterName() {
        LiteralResults results = new LiteralResults();

        results.add(json("{'paramName':'Output_Count','dataType':'GPLong','value':3}"));
        results.add(json("{'paramName':'Output_String','dataType':'GPString','value':'TestString'}"));
        results.add(json("{'paramName':'Distance','dataType':'GPLinearUnit','value':{'distance':15000,'units':'esriMeters'}}"));
        results.add(json("{'paramName':'When','dataType':'GPDate','value':1246060800000}"));
        results.add(json("{'paramName':'Ok','dataType':'GPBoolean','value':true}"));
        results.add(json("{'paramName':'Nothing','dataType':'GPDouble','value':null}"));

        assertEquals(json("{'Output_Count':{'dataType':'GPLong','value':3},"
                + "'Output_String':{'dataType':'GPString','value':'TestString'},"
                + "'Distance':{'dataType':'GPLinearUnit','value':{'distance':15000,'units':'esriMeters'}},"
                + "'When':{'dataType':'GPDate','value':1246060800000},"
                + "'Ok':{'dataType':'GPBoolean','value':true},"
                + "'Nothing':{'dataType':'GPDouble','value':null}}"), results.toJson());
    }

    @Test
    void aReplyWithoutValueRecordsNull() {
        LiteralResults results = new LiteralResults();

        results.add("Out", "GPString", null);

        assertEquals(json("{'Out':{'dataType':'GPString','value':null}}"), results.toJson());
    }

    @Test
    void aReplyWithoutNameOrTypeIsRejected() {
        LiteralResults results = new LiteralResults();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> results.add(json("{'dataType':'GPString','value':'x'}")));

        assertEquals("a GP result needs 'paramName' and 'dataType'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> results.add(json("{'paramName':'x','value':'x'}")));
    }

    @Test
    void emptyUntilSomethingIsAdded() {
        LiteralResults results = new LiteralResults();
        assertTrue(results.isEmpty());

        results.add("Out", "GPLong", json("1"));

        assertFalse(results.isEmpty());
    }

    @Test
    void theJsonIsASnapshot() {
        LiteralResults results = new LiteralResults();
        results.add("A", "GPLong", json("1"));
        ObjectNode written = results.toJson();

        results.add("B", "GPLong", json("2"));

        assertEquals(1, written.size());
    }
}
