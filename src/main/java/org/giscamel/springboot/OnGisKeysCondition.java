package org.giscamel.springboot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@link ConditionalOnGisKeys}. */
final class OnGisKeysCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String section = (String) metadata.getAnnotationAttributes(ConditionalOnGisKeys.class.getName()).get("value");
        return hasKeysUnder(context.getEnvironment(), section)
                ? ConditionOutcome.match(section + ".* keys are set")
                : ConditionOutcome.noMatch("no " + section + ".* key is set");
    }

    /**
     * Whether any key lies under {@code section}. Spring maps each relaxed form to the canonical name, so
     * {@code gis.siteJoin.inbox}, {@code GIS_SITEJOIN_INBOX} and {@code GIS_SITE_JOIN_INBOX} all lie under
     * {@code gis.site-join}.
     */
    static boolean hasKeysUnder(Environment environment, String section) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(section);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
