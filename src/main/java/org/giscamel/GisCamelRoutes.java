package org.giscamel;

import org.giscamel.cli.CommandLine;

/**
 * Entry point of the executable jar.
 *
 * <pre>
 * java -jar gis-camel-routes.jar              run the application (the demo when no servers are configured)
 * java -jar gis-camel-routes.jar emulators    run only the ArcGIS Server and iPortal emulators
 * java -jar gis-camel-routes.jar help         list every command
 * </pre>
 */
public final class GisCamelRoutes {

    private GisCamelRoutes() {
    }

    public static void main(String[] args) {
        System.exit(CommandLine.execute(args));
    }
}
