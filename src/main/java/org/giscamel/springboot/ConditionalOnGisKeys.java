package org.giscamel.springboot;

import org.springframework.context.annotation.Conditional;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Matches when Spring's Environment (application.yaml or .properties, environment variables, the command line) has
 * a key under the section {@link #value()}, in any of Spring's relaxed forms.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnGisKeysCondition.class)
@interface ConditionalOnGisKeys {

    /** A canonical section name, such as {@code gis.site-join}. */
    String value();
}
