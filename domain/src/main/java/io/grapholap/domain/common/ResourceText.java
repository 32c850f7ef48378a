package io.grapholap.domain.common;

import io.grapholap.domain.error.ValidationException;

/** The rules for the name and description every user-named resource (mapping, snapshot, …) carries. */
public final class ResourceText {

    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 4000;

    private ResourceText() {
    }

    /** Checks a name as given by a client: present, not blank, at most {@link #MAX_NAME} characters. */
    public static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "name is required");
        }
        if (name.length() > MAX_NAME) {
            throw new ValidationException("name", "name must be at most " + MAX_NAME + " characters, got " + name.length());
        }
        return name;
    }

    /** Checks a description as given by a client; null means empty. */
    public static String checkDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description",
                    "description must be at most " + MAX_DESCRIPTION + " characters, got " + description.length());
        }
        return description == null ? "" : description;
    }
}
