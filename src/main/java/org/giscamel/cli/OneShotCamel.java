package org.giscamel.cli;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.giscamel.config.ConfigFiles;
import org.giscamel.wiring.GisBeans;
import org.giscamel.wiring.GisErrorHandling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Camel context for one-shot commands ({@code join-site}, {@code harvest}): the shared beans, the shared error
 * handling, only the route files the command needs, and no schedules or file consumers from other flows.
 */
public final class OneShotCamel implements AutoCloseable {

    private final CamelContext context;

    private OneShotCamel(CamelContext context) {
        this.context = context;
    }

    /**
     * @param overrides      property values that win over the configuration (e.g. command-line options)
     * @param configurations the flow's own bean configurations, applied after {@link GisBeans}
     * @param routeFiles     route resources to load, e.g. {@code file:routes/site-join.camel.yaml}
     */
    public static OneShotCamel start(ConfigFiles files, Map<String, String> overrides,
                                     List<CamelConfiguration> configurations, List<String> routeFiles) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(files.placeholderLocations());
        overrides.forEach(context.getPropertiesComponent()::addOverrideProperty);
        try {
            new GisBeans().configure(context);
            for (CamelConfiguration configuration : configurations) {
                configuration.configure(context);
            }
            context.addRoutesConfigurations(new GisErrorHandling());
            for (String file : routeFiles) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context, file));
            }
            context.start();
            return new OneShotCamel(context);
        } catch (Exception e) {
            context.close();
            throw e;
        }
    }

    /**
     * A flow's route file: the editable {@code routes/<name>} when run from the project folder (or an installation
     * with its own routes), else the copy inside the jar.
     */
    public static String routeFile(String name) {
        return Files.isRegularFile(Path.of("routes", name)) ? "file:routes/" + name : "classpath:gis-camel-routes/" + name;
    }

    public CamelContext context() {
        return context;
    }

    public ProducerTemplate producer() {
        return context.createProducerTemplate();
    }

    /** Adds Java DSL routes after start, e.g. a command's own glue. */
    public void addRoutes(RouteBuilder routes) throws Exception {
        context.addRoutes(routes);
    }

    @Override
    public void close() {
        context.stop();
    }
}
