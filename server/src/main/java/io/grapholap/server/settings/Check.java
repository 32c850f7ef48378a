package io.grapholap.server.settings;

import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;

/**
 * Range checks of settings. A value out of range stops start-up with a message that names the
 * setting as an operator writes it ({@code grapholap.jobs.threads}), the range and the value given.
 */
final class Check {

    private Check() {
    }

    static void atLeast(String key, long value, long min) {
        if (value < min) {
            throw new ConfigurationException(key + " must be at least " + min + ", got " + value);
        }
    }

    static void between(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigurationException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException(key + " must be a positive duration, got " + value);
        }
    }

    static void notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw new ConfigurationException(key + " must not be negative, got " + value);
        }
    }

    static void notAbove(String key, Comparable<?> value, String maxKey, Comparable<?> max) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        int order = ((Comparable) value).compareTo(max);
        if (order > 0) {
            throw new ConfigurationException(key + " (" + value + ") must not be above " + maxKey + " (" + max + ")");
        }
    }
}
