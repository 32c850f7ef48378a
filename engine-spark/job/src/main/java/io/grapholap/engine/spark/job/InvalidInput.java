package io.grapholap.engine.spark.job;

/**
 * Input the driver refuses, answered {@code @@invalid <kind> <subject> <message>}: kind {@code snapshot}
 * for a snapshot file that cannot be trusted (subject: the file, relative to the snapshot directory),
 * kind {@code field} for a bad parameter value (subject: the parameter).
 */
final class InvalidInput extends RuntimeException {

    final String kind;
    final String subject;

    private InvalidInput(String kind, String subject, String message) {
        super(message);
        this.kind = kind;
        this.subject = subject;
    }

    static InvalidInput snapshot(String file, String message) {
        return new InvalidInput("snapshot", file, message);
    }

    static InvalidInput field(String field, String message) {
        return new InvalidInput("field", field, message);
    }
}
