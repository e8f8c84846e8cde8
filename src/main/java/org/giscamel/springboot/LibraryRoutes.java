package org.giscamel.springboot;

import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

import java.util.Collection;

/** A flow's beans and the route file of the library's jar that uses them. */
final class LibraryRoutes {

    private LibraryRoutes() {
    }

    /**
     * Binds the flow's beans, then returns Camel's own builder of {@code classpath:gis-camel-routes/<routeFile>}.
     * As a Spring bean that builder joins camel-spring-boot's single pass over every route source (route
     * configurations, then routes and templates, then templated routes), so an application's {@code templatedRoute}
     * of a library template works whichever file is read first. The builder is Camel's, not a class of this package:
     * camel-main's package scan of {@code org.giscamel} instantiates every route builder class it finds there.
     */
    static RoutesBuilder of(CamelContext camelContext, CamelConfiguration beans, String routeFile) throws Exception {
        beans.configure(camelContext);
        String location = "classpath:gis-camel-routes/" + routeFile;
        Resource resource = PluginHelper.getResourceLoader(camelContext).resolveResource(location);
        if (resource == null || !resource.exists()) {
            throw new IllegalStateException(location + " is missing: the gis-camel-routes jar is not a complete one");
        }
        Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(camelContext).findRoutesBuilders(resource);
        if (builders.size() != 1) {
            throw new IllegalStateException(location + " gave " + builders.size() + " route builders instead of one");
        }
        return builders.iterator().next();
    }
}
