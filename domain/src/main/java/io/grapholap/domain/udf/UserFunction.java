package io.grapholap.domain.udf;

import io.grapholap.domain.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user-defined function of an organisation: its code ({@code execute}, and optionally
 * {@code load_data}), where its graph comes from ({@code load_dataset}), how it runs and answers
 * ({@code engine}, {@code output_type}, {@code format}), the parameters it declares, and who may use
 * it. {@code type} is the language's wire name ({@code js}, {@code python}). The {@code author}
 * owns it and alone (with admins) grants {@code editors} (read, change, delete, run) and
 * {@code runners} (run). A disabled function cannot run.
 */
public record UserFunction(String uuid, String alias, String organization, String type, String author, boolean enabled,
                           String loadDataset, String loadData, String execute, FunctionEngine engine,
                           OutputType outputType, OutputFormat format, List<FunctionParameter> parameters,
                           Set<String> editors, Set<String> runners, Instant createdAt, Instant updatedAt) {

    /** Longest code accepted in {@code execute} or {@code load_data}. */
    public static final int MAX_CODE = 200_000;
    /** Most parameters one function declares, and most users in each grant list. */
    public static final int MAX_PARAMETERS = 64;
    public static final int MAX_GRANTEES = 200;

    public UserFunction {
        Objects.requireNonNull(uuid, "uuid");
        FunctionAlias.check(alias);
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(outputType, "outputType");
        Objects.requireNonNull(format, "format");
        checkCode("execute", execute);
        if (execute == null || execute.isBlank()) {
            throw new ValidationException("execute", "execute is required: code defining task(g, args)");
        }
        checkCode("load_data", loadData);
        loadData = loadData == null || loadData.isBlank() ? null : loadData;
        loadDataset = checkDataset(loadDataset);
        parameters = List.copyOf(parameters == null ? List.of() : parameters);
        if (parameters.size() > MAX_PARAMETERS) {
            throw new ValidationException("parameters", "at most " + MAX_PARAMETERS + " parameters, got " + parameters.size());
        }
        if (parameters.stream().map(FunctionParameter::name).distinct().count() != parameters.size()) {
            throw new ValidationException("parameters", "parameter names must be unique");
        }
        editors = grantees("editors", editors);
        runners = grantees("runners", runners);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The alias when there is one, else the uuid: how people name this function. */
    public String name() {
        return alias == null ? uuid : alias;
    }

    public boolean isAuthor(String username) {
        return author.equals(username);
    }

    /** Whether {@code username} may read, change, delete and run it (author or editor). */
    public boolean canEdit(String username) {
        return isAuthor(username) || editors.contains(username);
    }

    /** Whether {@code username} may run it (author, editor or runner). */
    public boolean canRun(String username) {
        return canEdit(username) || runners.contains(username);
    }

    private static void checkCode(String field, String code) {
        if (code != null && code.length() > MAX_CODE) {
            throw new ValidationException(field, field + " must be at most " + MAX_CODE + " characters, got " + code.length());
        }
    }

    private static String checkDataset(String dataset) {
        if (dataset == null || dataset.isBlank()) {
            return null;
        }
        if (dataset.length() > 255) {
            throw new ValidationException("load_dataset", "load_dataset must be at most 255 characters");
        }
        return dataset.trim();
    }

    private static Set<String> grantees(String field, Set<String> users) {
        if (users == null) {
            return Set.of();
        }
        if (users.size() > MAX_GRANTEES) {
            throw new ValidationException(field, "at most " + MAX_GRANTEES + " users in " + field + ", got " + users.size());
        }
        for (String user : users) {
            if (user == null || user.isBlank() || user.length() > 64) {
                throw new ValidationException(field, field + " must hold usernames of 1-64 characters");
            }
        }
        return java.util.Collections.unmodifiableSet(new TreeSet<>(users));
    }
}
