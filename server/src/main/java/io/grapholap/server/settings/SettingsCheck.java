package io.grapholap.server.settings;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.lang.reflect.RecordComponent;
import java.util.Optional;

/**
 * Stops start-up when a setting of a settings record in this package is given a value that does not
 * convert to its type ({@code grapholap.jobs.threads=many}, {@code grapholap.udf.max-timeout=5 minutes}),
 * naming the setting. Micronaut binds such a value as if it were absent, so the default would apply
 * without a word (micronaut-core issue 4762). Ranges are checked by the records themselves.
 */
@Context
final class SettingsCheck {

    SettingsCheck(BeanContext context, Environment environment, ConversionService conversion) {
        for (BeanDefinition<?> definition : context.getBeanDefinitions(Qualifiers.byStereotype(ConfigurationProperties.class))) {
            Class<?> type = definition.getBeanType();
            if (type.isRecord() && type.getPackage().equals(SettingsCheck.class.getPackage())) {
                check(type.getAnnotation(ConfigurationProperties.class).value(), type, environment, conversion);
            }
        }
    }

    private static void check(String prefix, Class<?> type, Environment environment, ConversionService conversion) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + NameUtils.hyphenate(component.getName());
            Optional<Object> raw = environment.getProperty(key, Object.class);
            if (raw.isEmpty()) {
                continue;
            }
            ArgumentConversionContext<?> context = ConversionContext.of(Argument.of(component.getType()));
            // Micronaut reads any text that is not "true" as false.
            boolean notBoolean = component.getType() == boolean.class
                    && !raw.get().toString().trim().matches("(?i)true|false");
            if (notBoolean || conversion.convert(raw.get(), component.getType(), context).isEmpty()) {
                String reason = context.getLastError().map(e -> e.getCause()).map(c -> " (" + c.getMessage() + ")").orElse("");
                throw new ConfigurationException(key + " must be " + kind(component.getType()) + ", got '" + raw.get() + "'" + reason);
            }
        }
    }

    private static String kind(Class<?> type) {
        if (type == java.time.Duration.class) {
            return "a duration such as PT30S or 30s";
        }
        if (type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == double.class) {
            return "a number";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName();
    }
}
