package org.giscamel.config;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the configuration lives: {@code config/application.properties} relative to the working directory
 * (or the file named by {@code -Dgis.config=...}), plus an optional {@code secrets.properties} beside it.
 */
public final class ConfigFiles {

    /** JVM property that points at another application.properties. */
    public static final String CONFIG_PROPERTY = "gis.config";

    private final Path applicationProperties;
    private final Path secrets;

    private ConfigFiles(Path applicationProperties) {
        this.applicationProperties = applicationProperties.toAbsolutePath().normalize();
        this.secrets = this.applicationProperties.resolveSibling("secrets.properties");
    }

    public static ConfigFiles locate() {
        Path file = Path.of(System.getProperty(CONFIG_PROPERTY, "config/application.properties"));
        if (!Files.isReadable(file)) {
            throw new ConfigurationException(java.util.List.of("Configuration file " + file.toAbsolutePath()
                    + " not found: run from the folder that holds config/ and routes/, or set -D" + CONFIG_PROPERTY
                    + "=path/to/application.properties"));
        }
        return new ConfigFiles(file);
    }

    public Path applicationProperties() {
        return applicationProperties;
    }

    /** Camel property placeholder locations: the configuration, then the optional secrets file. */
    public String placeholderLocations() {
        return "file:" + applicationProperties + ",file:" + secrets + ";optional=true";
    }

    /**
     * The settings resolved exactly as the application will resolve them (file, environment, JVM flags), read
     * through the properties component of a Camel context that is never started, before deciding how to start.
     */
    public GisSettings settings() {
        return GisSettings.of(properties());
    }

    /** The properties component behind {@link #settings()}, e.g. to list the keys the files set. */
    public PropertiesComponent properties() {
        CamelContext context = new DefaultCamelContext(false);
        context.getPropertiesComponent().setLocation(placeholderLocations());
        return context.getPropertiesComponent();
    }
}
