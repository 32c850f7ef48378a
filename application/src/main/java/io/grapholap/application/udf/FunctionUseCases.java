package io.grapholap.application.udf;

import io.grapholap.application.common.Page;
import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.application.function.Language;
import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.udf.FunctionAlias;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.FunctionParameter;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;
import io.grapholap.domain.udf.UserFunction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The UDF definition use cases ({@code /api/v2/o/{org}/functions}): list, get by uuid or alias, create (with or without an
 * alias, unique per organisation), partial update, delete, and the author's grants of the
 * {@code editor} and {@code runner} permissions. Code is checked when it is saved
 * ({@link FunctionRuntime#check}: syntax and a {@code task} of the right arity, 400 with the line).
 * Creation needs the organisation's {@code udf_creation_enabled} switch on.
 */
public final class FunctionUseCases {

    /**
     * Bounds the wait for a slot and for a save-time check; the runtime stops the check's code at its
     * own, shorter limit, but a server's first Python check also builds the analysis context (seconds,
     * more on a busy machine).
     */
    private static final Duration SAVE_CHECK_BUDGET = Duration.ofMinutes(2);

    private final FunctionRepository functions;
    private final OrganizationSettingsRepository organizations;
    private final FunctionRuntime runtime;
    private final FunctionEngine defaultEngine;
    private final Set<String> engines;
    private final Set<OutputFormat> formats;
    private final Clock clock;
    private final RunSlots slots;

    /**
     * {@code formats}: the output formats this server can write (a function asking for another is refused);
     * {@code slots}: where save-time checks run (they run the code's top level, which is guest code too).
     */
    public FunctionUseCases(FunctionRepository functions, OrganizationSettingsRepository organizations, FunctionRuntime runtime,
                            FunctionEngine defaultEngine, Set<String> engines, Set<OutputFormat> formats, Clock clock,
                            RunSlots slots) {
        this.functions = functions;
        this.organizations = organizations;
        this.runtime = runtime;
        this.defaultEngine = defaultEngine;
        this.engines = Set.copyOf(engines);
        this.formats = Set.copyOf(formats);
        this.clock = clock;
        this.slots = slots;
    }

    /**
     * A new function as a client sends it; absent values take the defaults: disabled
     * ({@code is_enabled} false, as the UDF API specifies), the server's engine, output {@code json}, format
     * {@code json}.
     */
    public record CreateCommand(String alias, Boolean enabled, String loadDataset, String loadData, String execute,
                                String engine, String outputType, String format, List<FunctionParameter> parameters) {
    }

    /**
     * A partial update: null leaves a field as it is; an empty {@code load_dataset} or
     * {@code load_data} clears it.
     */
    public record UpdateCommand(Boolean enabled, String loadDataset, String loadData, String execute, String engine,
                                String outputType, String format, List<FunctionParameter> parameters) {
    }

    public Page<UserFunction> list(Actor actor, String organization, String language, int offset, int limit) {
        Language lang = Language.parse(language, "language");
        FunctionAccess.requireMember(actor, organization);
        if (offset < 0) {
            throw new ValidationException("offset", "offset must be >= 0, got " + offset);
        }
        if (limit < 1 || limit > 100) {
            throw new ValidationException("limit", "limit must be between 1 and 100, got " + limit);
        }
        return functions.list(organization, lang.wireName(), actor.isAdmin() ? null : actor.username(), offset, limit);
    }

    public UserFunction get(Actor actor, String organization, String language, String uuidOrAlias) {
        UserFunction f = find(actor, organization, language, uuidOrAlias);
        FunctionAccess.requireEditor(actor, f);
        return f;
    }

    public UserFunction create(Actor actor, String organization, String language, CreateCommand command) {
        Language lang = Language.parse(language, "language");
        FunctionAccess.requireMember(actor, organization);
        if (!organizations.find(organization).udfCreationEnabled()) {
            throw new PermissionDeniedException("UDF creation is turned off for organization " + organization
                    + "; an admin turns it on with udf_creation_enabled");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UserFunction f = new UserFunction(UUID.randomUUID().toString(), FunctionAlias.check(command.alias()), organization,
                lang.wireName(), actor.username(), command.enabled() != null && command.enabled(), command.loadDataset(),
                command.loadData(), command.execute(),
                command.engine() == null ? defaultEngine : engine(command.engine()),
                command.outputType() == null ? OutputType.JSON : OutputType.parse(command.outputType(), "output_type"),
                command.format() == null ? OutputFormat.JSON : OutputFormat.parse(command.format(), "format"),
                command.parameters(), Set.of(), Set.of(), now, now);
        return functions.create(f, checked(actor, lang, f));
    }

    /** {@code value} as a function's engine: {@code auto} or an engine this server ships (or an alias of one). */
    private FunctionEngine engine(String value) {
        FunctionEngine e = FunctionEngine.parse(value, "engine");
        if (!e.isAuto() && !engines.contains(e.engineName())) {
            throw new ValidationException("engine", "engine must be one of " + String.join(", ", new TreeSet<>(engines))
                    + ", auto (or pandas, cudf) on this server; got '" + value + "'");
        }
        return e;
    }

    public UserFunction update(Actor actor, String organization, String language, String uuidOrAlias, UpdateCommand c) {
        UserFunction f = get(actor, organization, language, uuidOrAlias);
        Language lang = Language.parse(f.type(), "language");
        UserFunction changed = new UserFunction(f.uuid(), f.alias(), f.organization(), f.type(), f.author(),
                c.enabled() == null ? f.enabled() : c.enabled(),
                c.loadDataset() == null ? f.loadDataset() : c.loadDataset(),
                c.loadData() == null ? f.loadData() : c.loadData(),
                c.execute() == null ? f.execute() : c.execute(),
                c.engine() == null ? f.engine() : engine(c.engine()),
                c.outputType() == null ? f.outputType() : OutputType.parse(c.outputType(), "output_type"),
                c.format() == null ? f.format() : OutputFormat.parse(c.format(), "format"),
                c.parameters() == null ? f.parameters() : c.parameters(),
                f.editors(), f.runners(), f.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return functions.update(changed, checked(actor, lang, changed));
    }

    public void delete(Actor actor, String organization, String language, String uuidOrAlias) {
        UserFunction f = get(actor, organization, language, uuidOrAlias);
        functions.delete(f.uuid());
    }

    /**
     * Replaces who holds {@code editor} and {@code runner} (author or admin only); a null list leaves
     * that permission as it is.
     */
    public UserFunction grant(Actor actor, String organization, String language, String uuidOrAlias, Set<String> editors,
                              Set<String> runners) {
        UserFunction f = find(actor, organization, language, uuidOrAlias);
        FunctionAccess.requireAuthor(actor, f);
        UserFunction changed = new UserFunction(f.uuid(), f.alias(), f.organization(), f.type(), f.author(), f.enabled(),
                f.loadDataset(), f.loadData(), f.execute(), f.engine(), f.outputType(), f.format(), f.parameters(),
                editors == null ? f.editors() : editors, runners == null ? f.runners() : runners, f.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        Language lang = Language.parse(f.type(), "language");
        return functions.update(changed, imports(lang, changed));
    }

    private UserFunction find(Actor actor, String organization, String language, String uuidOrAlias) {
        Language lang = Language.parse(language, "language");
        FunctionAccess.requireMember(actor, organization);
        return functions.find(organization, uuidOrAlias)
                .filter(f -> f.type().equals(lang.wireName()))
                .orElseThrow(() -> new NotFoundException("function", uuidOrAlias));
    }

    /**
     * Checks the format and the code with the runtime (on a guest thread) and returns the libraries
     * the code imports.
     */
    private Set<String> checked(Actor actor, Language language, UserFunction f) {
        long deadline = System.nanoTime() + SAVE_CHECK_BUDGET.toNanos();
        return slots.run(actor.username(), f.organization(), deadline, SAVE_CHECK_BUDGET, () -> checkedHere(language, f));
    }

    private Set<String> checkedHere(Language language, UserFunction f) {
        if (!formats.contains(f.format())) {
            throw new ValidationException("format", "format " + f.format().wireName() + " is not available on this server; available: "
                    + formats.stream().map(OutputFormat::wireName).sorted().toList());
        }
        if (!runtime.languages().contains(language)) {
            throw new ValidationException("language", "the " + language.wireName() + " runtime is not available on this server");
        }
        checkExecute(language, f.execute());
        if (f.loadData() != null) {
            runtime.check(language, f.loadData(), EntryPoint.LOAD_DATA, "load_data");
        }
        return imports(language, f);
    }

    /**
     * {@code execute} code defines {@code task(g, args)}, or {@code task(request, user, session)} when
     * the function is meant to serve a custom endpoint; the error reported is the first form's.
     */
    private void checkExecute(Language language, String code) {
        try {
            runtime.check(language, code, EntryPoint.EXECUTE, "execute");
        } catch (ValidationException asExecute) {
            try {
                runtime.check(language, code, EntryPoint.ENDPOINT, "execute");
            } catch (ValidationException asEndpoint) {
                throw asExecute;
            }
        }
    }

    private Set<String> imports(Language language, UserFunction f) {
        Set<String> names = new LinkedHashSet<>(runtime.imports(language, f.execute()));
        if (f.loadData() != null) {
            names.addAll(runtime.imports(language, f.loadData()));
        }
        return names;
    }
}
