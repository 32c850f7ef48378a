package io.grapholap.persistence;

import java.sql.SQLException;

/** Recognises a unique-constraint violation under whatever the data layer wrapped it in. */
public final class UniqueViolation {

    /** SQLSTATE for a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    public static boolean causes(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && SQL_STATE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
