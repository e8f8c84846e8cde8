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

    /**
     * The application's logging configuration has its own name, so that the library jar does not impose it on an
     * application that embeds the flows; {@code -Dlog4j2.configurationFile} still overrides it.
     */
    static final String LOGGING_CONFIGURATION = "classpath:gis-camel-routes-log4j2.properties";

    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOGGING_CONFIGURATION);
        }
        System.exit(CommandLine.execute(args));
    }
}
