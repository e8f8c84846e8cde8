package org.giscamel.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.giscamel.gp.GpBeans;
import org.giscamel.harvest.HarvestConfiguration;
import org.giscamel.ops.ObserveConfiguration;
import org.giscamel.wiring.GisBeans;
import org.giscamel.wiring.GisErrorHandling;
import org.giscamel.sitejoin.SiteJoinBeans;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * gis-camel-routes on camel-spring-boot: what a camel-main application lists by hand, bound when Spring's
 * Environment has {@code gis.*} keys. Always: the shared beans ({@link GisBeans}), the route configuration
 * {@code gis-errors}, and the readiness checks and meters ({@link ObserveConfiguration}). For each flow whose section
 * has a key ({@code gis.gp.*}, {@code gis.harvest.*}, {@code gis.site-join.*}): its beans and its route file from the
 * jar. Spring's conditions report ({@code --debug}) says which matched. Turned off with
 * {@code spring.autoconfigure.exclude=org.giscamel.springboot.GisCamelRoutesAutoConfiguration}.
 *
 * <p>The beans go into the Camel registry while Spring creates these beans, so they are there before camel-spring-boot
 * adds any route, as camel-main applies its configuration classes before the routes. Each configuration looks up the
 * shared beans when first used, so the order of these methods does not matter.
 */
@AutoConfiguration(afterName = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnClass(name = "org.apache.camel.spring.boot.CamelAutoConfiguration")
@ConditionalOnBean(CamelContext.class)
@ConditionalOnGisKeys("gis")
public class GisCamelRoutesAutoConfiguration {

    /** The shared beans, and the route configuration that every library route names, which uses one of them. */
    @Bean
    GisErrorHandling gisErrorHandling(CamelContext camelContext) throws Exception {
        new GisBeans().configure(camelContext);
        new ObserveConfiguration().configure(camelContext);
        return new GisErrorHandling();
    }

    @Bean
    @ConditionalOnGisKeys("gis.gp")
    RoutesBuilder gisGpJobRoutes(CamelContext camelContext) throws Exception {
        return LibraryRoutes.of(camelContext, new GpBeans(), "gp-job-template.camel.yaml");
    }

    @Bean
    @ConditionalOnGisKeys("gis.harvest")
    RoutesBuilder gisHarvestRoutes(CamelContext camelContext) throws Exception {
        return LibraryRoutes.of(camelContext, new HarvestConfiguration(), "harvest.camel.yaml");
    }

    @Bean
    @ConditionalOnGisKeys("gis.site-join")
    RoutesBuilder gisSiteJoinRoutes(CamelContext camelContext) throws Exception {
        return LibraryRoutes.of(camelContext, new SiteJoinBeans(), "site-join.camel.yaml");
    }
}
