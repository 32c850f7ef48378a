package io.grapholap.domain.favorite;

import io.grapholap.domain.error.ValidationException;
import java.util.Locale;

/** The kinds of resource a user can mark as a favorite. */
public enum ResourceType {
    MAPPING, SNAPSHOT, INSTANCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResourceType parse(String field, String value) {
        if (value != null) {
            for (ResourceType t : values()) {
                if (t.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new ValidationException(field, "unknown resource type '" + value + "'; expected one of mapping, snapshot, instance");
    }
}
