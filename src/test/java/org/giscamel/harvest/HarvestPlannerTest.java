package org.giscamel.harvest;

import org.giscamel.arcgis.ServiceRef;
import org.giscamel.arcgis.ServiceSummary;
import org.giscamel.iportal.OwnedRegistration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan as a pure function of the source snapshot and the owned registrations. */
class HarvestPlannerTest {

    private static final String ROOT = "http://gis/arcgis/rest/services/";

    @Test
    void aNewServiceIsCreated() {
        HarvestPlan plan = plan(source(desired("A", "fp1")), List.of());

        assertEquals(List.of(Action.CREATE), actions(plan));
        assertEquals(ROOT + "A/MapServer", plan.items().get(0).linkage());
    }

    @Test
    void aRegistrationWithTheSameTagsIsUnchangedWhateverTheirOrder() {
        HarvestPlan plan = plan(source(desired("A", "fp1")), List.of(owned(7, "A", "fp1", "m", "arcgis")));

        assertEquals(List.of(Action.UNCHANGED), actions(plan));
        assertEquals(7, plan.items().get(0).registrationId());
        assertFalse(plan.changesSomething());
    }

    @Test
    void aChangedFingerprintIsAnUpdateOfTheSameRegistration() {
        HarvestPlan plan = plan(source(desired("A", "fp2")), List.of(owned(7, "A", "arcgis", "m", "fp1")));

        assertEquals(List.of(Action.UPDATE), actions(plan));
        assertEquals(7, plan.items().get(0).registrationId());
    }

    @Test
    void aRegistrationWhoseServiceIsGoneIsDeleted() {
        HarvestPlan plan = plan(source(desired("A", "fp1")),
                List.of(owned(1, "A", "arcgis", "m", "fp1"), owned(2, "B", "arcgis", "m", "fp1")));

        assertEquals(List.of(Action.UNCHANGED, Action.DELETE), actions(plan));
        assertEquals(2, plan.items().get(1).registrationId());
    }

    @Test
    void aRenamedServiceIsADeleteAndACreate() {
        HarvestPlan plan = plan(source(desired("New", "fp1")), List.of(owned(1, "Old", "arcgis", "m", "fp1")),
                100);

        assertEquals(List.of(Action.CREATE, Action.DELETE), actions(plan));
    }

    @Test
    void aRegistrationUnderAnUnreadablePartIsKeptWithTheReason() {
        SourceSnapshot source = new SourceSnapshot(List.of(desired("A", "fp1")),
                List.of(new UnreadablePart("folder Secured", ROOT + "Secured", "token refused")));

        HarvestPlan plan = plan(source, List.of(owned(1, "A", "arcgis", "m", "fp1"),
                owned(2, "Secured/Parcels", "arcgis", "m", "fp1")));

        assertEquals(List.of(Action.UNCHANGED, Action.KEEP), actions(plan));
        assertTrue(plan.items().get(1).note().contains("folder Secured could not be read: token refused"));
        assertEquals(0, plan.guard().deletes());
    }

    @Test
    void aSecondRegistrationOfTheSameAddressIsDeletedAsADuplicate() {
        HarvestPlan plan = plan(source(desired("A", "fp1")),
                List.of(owned(9, "A", "arcgis", "m", "fp1"), owned(4, "A", "arcgis", "m", "fp1")), 100);

        assertEquals(List.of(Action.UNCHANGED, Action.DELETE), actions(plan));
        assertEquals(4, plan.items().get(0).registrationId());
        assertEquals(9, plan.items().get(1).registrationId());
        assertTrue(plan.items().get(1).note().contains("duplicate of registration 4"));
    }

    @Test
    void anEmptyCatalogTripsTheDeleteGuard() {
        HarvestPlan plan = plan(source(), List.of(owned(1, "A", "m"), owned(2, "B", "m")));

        assertTrue(plan.guard().tripped());
        assertEquals(2, plan.guard().deletes());
        assertTrue(plan.guard().reason().contains("would delete 2 of the 2 registrations"));
    }

    @Test
    void theGuardAllowsDeletesUpToItsShareAndAForcedRunAlways() {
        List<OwnedRegistration> five = List.of(owned(1, "A", "m"), owned(2, "B", "m"), owned(3, "C", "m"),
                owned(4, "D", "m"), owned(5, "E", "m"));
        SourceSnapshot fourLeft = source(desired("A", "x"), desired("B", "x"), desired("C", "x"), desired("D", "x"));
        SourceSnapshot threeLeft = source(desired("A", "x"), desired("B", "x"), desired("C", "x"));

        assertFalse(HarvestPlanner.plan(fourLeft, five, 20, false).guard().tripped(), "1 of 5 is 20%");
        assertTrue(HarvestPlanner.plan(threeLeft, five, 20, false).guard().tripped(), "2 of 5 is 40%");
        assertFalse(HarvestPlanner.plan(threeLeft, five, 20, true).guard().tripped(), "forced");
    }

    @Test
    void aRegistrationWithoutAnAddressIsKeptNotDeleted() {
        HarvestPlan plan = plan(source(), List.of(new OwnedRegistration(3, "harvester", null, List.of("m"))), 100);

        assertEquals(List.of(Action.KEEP), actions(plan));
    }

    private static HarvestPlan plan(SourceSnapshot source, List<OwnedRegistration> owned) {
        return plan(source, owned, 20);
    }

    private static HarvestPlan plan(SourceSnapshot source, List<OwnedRegistration> owned, int guardPercent) {
        return HarvestPlanner.plan(source, owned, guardPercent, false);
    }

    private static List<Action> actions(HarvestPlan plan) {
        return plan.items().stream().map(PlannedItem::action).toList();
    }

    private static SourceSnapshot source(DesiredRegistration... desired) {
        return new SourceSnapshot(List.of(desired), List.of());
    }

    private static DesiredRegistration desired(String name, String fingerprint) {
        ServiceRef ref = new ServiceRef(name, "MapServer");
        ServiceSummary summary = new ServiceSummary(ROOT + name + "/MapServer", ref, name, "", "", Optional.empty(),
                Optional.empty(), List.of(), List.of());
        return new DesiredRegistration(ArcGisMapping.service(summary), List.of("arcgis", "m", fingerprint));
    }

    private static OwnedRegistration owned(int id, String name, String... tags) {
        return new OwnedRegistration(id, "harvester", ROOT + name + "/MapServer", List.of(tags));
    }
}
