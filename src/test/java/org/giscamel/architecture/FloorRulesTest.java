package org.giscamel.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.giscamel.architecture.Floors.APPLICATION;
import static org.giscamel.architecture.Floors.EMBEDDING;
import static org.giscamel.architecture.Floors.FLOWS;
import static org.giscamel.architecture.Floors.INFRASTRUCTURE;
import static org.giscamel.architecture.Floors.PROTOCOLS;
import static org.giscamel.architecture.Floors.above;
import static org.giscamel.architecture.Floors.eachOf;

/** No arrow runs back up: each floor of the main code uses only itself and the floors below ({@link Floors}). */
@AnalyzeClasses(packages = "org.giscamel", importOptions = ImportOption.DoNotIncludeTests.class)
class FloorRulesTest {

    private static final String FLOORS = "the floors run bottom up (1 http/reply/token/config/observe/inbox/wiring,"
            + " 2 geo/arcgis/iportal/ogc, 3 sitejoin/harvest/gp, 4 kamelet/springboot/ops, 5 cli/status/bench) and a"
            + " class uses only its own floor and those below; move the shared part down, or pass it in from above";

    @ArchTest
    static final ArchRule infrastructureUsesNoFloorAbove = noClasses().that().resideInAnyPackage(INFRASTRUCTURE)
            .should().dependOnClassesThat().resideInAnyPackage(above(PROTOCOLS, FLOWS, EMBEDDING, APPLICATION))
            .because("floor 1 is the bottom floor: " + FLOORS);

    @ArchTest
    static final ArchRule protocolsUseNoFloorAbove = noClasses().that().resideInAnyPackage(PROTOCOLS)
            .should().dependOnClassesThat().resideInAnyPackage(above(FLOWS, EMBEDDING, APPLICATION))
            .because("floor 2 speaks the servers' protocols for every flow: " + FLOORS);

    @ArchTest
    static final ArchRule flowsUseNoFloorAbove = noClasses().that().resideInAnyPackage(FLOWS)
            .should().dependOnClassesThat().resideInAnyPackage(above(EMBEDDING, APPLICATION))
            .because("floor 3, the flows, runs embedded as well as in the application: " + FLOORS);

    @ArchTest
    static final ArchRule embeddingUsesNoFloorAbove = noClasses().that().resideInAnyPackage(EMBEDDING)
            .should().dependOnClassesThat().resideInAnyPackage(above(APPLICATION))
            .because("floor 4 hosts and watches the flows in other applications too, without this one: " + FLOORS);

    @ArchTest
    static final ArchRule eachServerKindStandsAlone = slices()
            .assignedFrom(eachOf("the server kinds of floor 2", "arcgis", "iportal", "ogc"))
            .should().notDependOnEachOther()
            .because("each server kind has a package of its own on floor 2 and shares only geo with the others,"
                    + " so that a new server kind is a new package beside them");

    @ArchTest
    static final ArchRule eachFlowStandsAlone = slices()
            .assignedFrom(eachOf("the flows of floor 3", "sitejoin", "harvest", "gp"))
            .should().notDependOnEachOther()
            .because("each flow has a package of its own on floor 3 and shares only the floors below,"
                    + " so that a new flow is a new package beside them");

    @ArchTest
    static final ArchRule everyPackageIsOnAFloor = classes().should().resideInAnyPackage(above(Floors.house()))
            .because("every package is on a floor or among the emulators: add a new package to its floor in "
                    + Floors.class.getName() + " and to the README's Architecture section");

    @ArchTest
    static final ArchRule noCycleBetweenTopLevelPackages = slices().matching("org.giscamel.(*)..")
            .should().beFreeOfCycles()
            .because("packages that use each other cannot be on different floors: " + FLOORS);

    @ArchTest
    static final ArchRule noCycleBetweenAnyPackages = slices().matching("org.giscamel.(**)")
            .should().beFreeOfCycles()
            .because("a package and its sub-packages are floors too (emulator.arcgis uses emulator.arcgis.gp,"
                    + " which uses emulator.arcgis.rest): share the common part from a package below both");

    @ArchTest
    static final ArchRule emulatorsShareNothingWithTheClient = classes().that().resideInAPackage(Floors.EMULATORS)
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(Floors.house())
            .because("the emulators stand beside the house and carry their own wire constants, so that a client's"
                    + " mistake about the wire is not repeated by the server it is tested against (the emulators'"
                    + " tests may use the client: that is the conformance check)");

    @ArchTest
    static final ArchRule theLibraryNeedsNoApplicationClass = noClasses()
            .that().resideOutsideOfPackages(Floors.NOT_IN_LIBRARY)
            .should().dependOnClassesThat().resideInAnyPackage(Floors.NOT_IN_LIBRARY)
            .because("the library jar, which embedders and the Kamelets depend on, leaves out the entry point,"
                    + " the commands (cli), the benchmarks (bench) and the emulators: nothing in it may need them");
}
