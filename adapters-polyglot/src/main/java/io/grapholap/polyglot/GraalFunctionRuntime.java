package io.grapholap.polyglot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.function.EntryPoint;
import io.grapholap.application.function.FunctionFailedException;
import io.grapholap.application.function.FunctionRuntime;
import io.grapholap.application.function.FunctionSession;
import io.grapholap.application.function.Invocation;
import io.grapholap.application.function.Language;
import io.grapholap.application.function.RunLimits;
import io.grapholap.application.graph.AlgorithmResult;
import io.grapholap.application.graph.CancellationToken;
import io.grapholap.application.graph.GraphInstance;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.domain.error.DomainException;
import io.grapholap.domain.error.OperationTimeoutException;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * {@link FunctionRuntime} on GraalVM polyglot (GraalJS, GraalPy), interpreted on a stock JDK.
 *
 * <p>One shared {@link Engine} per language; every run gets a fresh context from a
 * {@link ContextPool} and the context is closed afterwards. Contexts are sandboxed: no host access
 * beyond the one bridge function of {@link HostBridge}, no host class lookup or loading, no I/O
 * (file system and sockets), no native access, threads, processes, environment or other languages.
 * A {@link RunWatchdog} enforces the wall-clock timeout and stops the biggest allocator under heap
 * pressure; {@link GuestValues} bounds the returned value. Thread-safe.
 */
public final class GraalFunctionRuntime implements FunctionRuntime, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GraalFunctionRuntime.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bound of code given to check() and imports(); the UDF routes bound it again on their side. */
    private static final int MAX_CODE_CHARS = 1 << 20;
    /** How long {@link #close()} waits for the last contexts and then for the engines to close. */
    private static final Duration ENGINE_CLOSE_WAIT = Duration.ofSeconds(10);
    private static final String JS_CHECK_REQUIRE = "globalThis.require = function () {"
            + " const stub = new Proxy(function () {}, { get: () => stub, apply: () => stub, construct: () => stub });"
            + " return stub; };";

    private final PolyglotSettings settings;
    private final Map<Language, Engine> engines = new EnumMap<>(Language.class);
    private final Map<Language, ContextPool> pools = new EnumMap<>(Language.class);
    private final Map<Language, Source> preludes = new EnumMap<>(Language.class);
    /** Closes used contexts off the run's thread; platform threads, as closing is CPU work. */
    private final ExecutorService closer = Executors.newCachedThreadPool(
            r -> Thread.ofPlatform().daemon().name("udf-close").unstarted(r));
    private final RunWatchdog watchdog;
    private Context pythonAnalysis;
    private volatile boolean closed;

    public GraalFunctionRuntime(PolyglotSettings settings) {
        this.settings = settings;
        this.watchdog = new RunWatchdog(settings.maxLiveHeapFraction());
        start(Language.JS, "js", settings.jsPoolSize(), Map.of(
                "js.load", "false", "js.print", "false", "js.polyglot-builtin", "false",
                "js.graal-builtin", "false", "js.java-package-globals", "false", "js.console", "false"));
        start(Language.PYTHON, "python", settings.pythonPoolSize(), Map.of());
    }

    private void start(Language language, String id, int poolSize, Map<String, String> options) {
        try {
            Engine engine = Engine.newBuilder(id)
                    .option("engine.WarnInterpreterOnly", "false")
                    .allowExperimentalOptions(true)
                    .options(options)
                    .out(OutputStream.nullOutputStream())
                    .err(OutputStream.nullOutputStream())
                    .build();
            engines.put(language, engine);
            preludes.put(language, Source.newBuilder(id, prelude(language), "grapholap-prelude." + extension(language))
                    .cached(true).buildLiteral());
            pools.put(language, new ContextPool(id, () -> newContext(language, true), poolSize, closer));
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.ERROR, "language " + id + " is unavailable", e);
        }
    }

    private static String extension(Language language) {
        return language == Language.JS ? "js" : "py";
    }

    private static String prelude(Language language) {
        String file = language == Language.JS ? "prelude.js" : "prelude.py";
        List<String> names = AlgorithmRegistry.names();
        try {
            return resource(file).replace("__ALGORITHMS__", JSON.writeValueAsString(names));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String file) {
        try (InputStream in = GraalFunctionRuntime.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sandboxed context of {@code language}, with the graph-API prelude loaded when asked. */
    private Context newContext(Language language, boolean withPrelude) {
        Context context = Context.newBuilder(language == Language.JS ? "js" : "python")
                .engine(engines.get(language))
                .allowHostAccess(HostAccess.NONE)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowNativeAccess(false)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowInnerContextOptions(false)
                .allowValueSharing(false)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        try {
            if (withPrelude) {
                context.eval(preludes.get(language));
            }
            return context;
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    @Override
    public Set<Language> languages() {
        Set<Language> out = EnumSet.noneOf(Language.class);
        pools.forEach((language, pool) -> {
            if (pool.failure() == null) {
                out.add(language);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    private ContextPool pool(Language language) {
        ContextPool pool = pools.get(language);
        if (pool == null || pool.failure() != null) {
            throw new UnavailableException("LANGUAGE_UNAVAILABLE", "the " + language.wireName()
                    + " runtime is not available on this server", Map.of("language", language.wireName()));
        }
        return pool;
    }

    /** A fresh context; a language whose contexts can no longer be built is unavailable. */
    private static Context take(ContextPool pool, Language language) {
        try {
            return pool.take();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot build a " + language.wireName() + " context", e);
            throw new UnavailableException("LANGUAGE_UNAVAILABLE", "the " + language.wireName()
                    + " runtime cannot start a context: " + e.getMessage(), Map.of("language", language.wireName()));
        }
    }

    /** Contexts of {@code language} ready for runs now (for tests and metrics). */
    public int readyContexts(Language language) {
        ContextPool pool = pools.get(language);
        return pool == null ? 0 : pool.readyCount();
    }

    /** A function like most users' first ones: builds a few records from its arguments and returns them. */
    private static final Map<Language, String> WARM_UP_CODE = Map.of(
            Language.JS, "function task(args) {\n  const rows = [];\n  for (let i = 0; i < args.n; i++) {\n"
                    + "    rows.push({i: i, name: 'v' + i, tags: [i, i * 0.5, i % 2 === 0]});\n  }\n"
                    + "  return {ok: true, rows: rows};\n}\n",
            Language.PYTHON, "def task(args):\n    rows = [{'i': i, 'name': 'v' + str(i), 'tags': [i, i * 0.5, i % 2 == 0]}"
                    + " for i in range(args['n'])]\n    return {'ok': True, 'rows': rows}\n");

    /**
     * Runs a small representative function up to {@code runs} times (fewer when {@code budget} runs
     * out), so that the JIT has compiled the interpreter's run path before users' first calls: the
     * languages are interpreted on a stock JDK, and their interpreter is Java code that is slow until
     * compiled. Returns the runs made; a language that is unavailable or fails makes none and the
     * failure is logged, never thrown.
     */
    public int warmUp(Language language, int runs, Duration budget) {
        if (!languages().contains(language)) {
            return 0;
        }
        RunLimits limits = new RunLimits(Duration.ofSeconds(10), 1 << 20);
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        try {
            while (done < runs && !closed && System.nanoTime() - deadline < 0) {
                run(new Invocation(language, WARM_UP_CODE.get(language), EntryPoint.LOAD_DATA,
                        List.of(Map.of("n", 4)), Map.of(), null, limits));
                done++;
            }
        } catch (RuntimeException e) {
            if (closed) {
                return done;
            }
            LOG.log(System.Logger.Level.WARNING, "warming the " + language.wireName() + " runtime failed after "
                    + done + " runs", e);
        }
        return done;
    }

    // ---- save-time checks ----

    @Override
    public void check(Language language, String code, EntryPoint entry, String field) {
        boundCode(code, field);
        if (language == Language.PYTHON) {
            checkPython(code, entry, field);
        } else {
            checkJs(code, entry, field);
        }
    }

    private void checkJs(String code, EntryPoint entry, String field) {
        ContextPool pool = pool(Language.JS);
        Context context = take(pool, Language.JS);
        CancellationToken token = CancellationToken.create();
        try (RunWatchdog.Guard guard = watchdog.watch(context, settings.checkTimeout().toNanos(), token)) {
            try {
                Source source = userSource(Language.JS, JsModules.rewriteImports(code));
                context.parse(source);
                context.eval("js", JS_CHECK_REQUIRE);
                context.eval(source);
                Value task = context.getBindings("js").getMember("task");
                if (task == null || !task.canExecute()) {
                    throw new ValidationException(field, "the code must define a function task("
                            + parameterNames(entry) + ")", Map.of("line", 1));
                }
                int declared = task.getMember("length").asInt();
                if (declared != entry.arity() && !(entry == EntryPoint.EXECUTE && declared == 1)) {
                    throw new ValidationException(field, "task must take " + entry.arity() + " argument"
                            + (entry.arity() == 1 ? "" : "s") + " (" + parameterNames(entry) + "), it declares "
                            + declared);
                }
            } catch (PolyglotException e) {
                if (guard.stopped() != null) {
                    throw new ValidationException(field, "the code's top level did not finish within "
                            + settings.checkTimeout().toMillis() + " ms");
                }
                Integer line = userLine(e);
                throw new ValidationException(field, (line == null ? "" : "line " + line + ": ") + e.getMessage(),
                        line == null ? Map.of() : Map.of("line", line));
            }
        } finally {
            pool.discard(context);
        }
    }

    private void checkPython(String code, EntryPoint entry, String field) {
        Map<String, Object> analysis = analyzePython(code);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) analysis.get("error");
        if (error != null) {
            Object line = error.get("line");
            throw new ValidationException(field, (line == null ? "" : "line " + line + ": ") + error.get("message"),
                    line == null ? Map.of() : Map.of("line", line));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) analysis.get("task");
        if (task == null) {
            throw new ValidationException(field, "the code must define a function task(" + parameterNames(entry) + ")",
                    Map.of("line", 1));
        }
        int min = ((Number) task.get("min")).intValue();
        int max = ((Number) task.get("max")).intValue();
        boolean varargs = Boolean.TRUE.equals(task.get("varargs"));
        int requiredKeywords = ((Number) task.get("required_keywords")).intValue();
        int arity = entry.arity();
        boolean takesAll = min <= arity && (arity <= max || varargs);
        // Seed 000: execute's task may take the graph alone, task(g).
        boolean takesGraphOnly = entry == EntryPoint.EXECUTE && min <= 1 && max >= 1;
        if (!(takesAll || takesGraphOnly) || requiredKeywords > 0) {
            Object line = task.get("line");
            throw new ValidationException(field, "line " + line + ": task must take " + arity + " argument"
                    + (arity == 1 ? "" : "s") + " (" + parameterNames(entry) + ")", Map.of("line", line));
        }
    }

    private static String parameterNames(EntryPoint entry) {
        return switch (entry) {
            case EXECUTE -> "g, args";
            case LOAD_DATA -> "args";
            case ENDPOINT -> "request, user, session";
        };
    }

    @Override
    public Set<String> imports(Language language, String code) {
        boundCode(code, "code");
        if (language == Language.JS) {
            return Collections.unmodifiableSet(JsModules.imports(code));
        }
        Map<String, Object> analysis = analyzePython(code);
        Object names = analysis.get("imports");
        Set<String> out = new LinkedHashSet<>();
        if (names instanceof List<?> list) {
            list.forEach(n -> out.add(String.valueOf(n)));
        }
        return Collections.unmodifiableSet(out);
    }

    private static void boundCode(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new ValidationException(field, "code must not be empty");
        }
        if (code.length() > MAX_CODE_CHARS) {
            throw new ValidationException(field, "code is longer than " + MAX_CODE_CHARS + " characters");
        }
    }

    /**
     * Reads Python code with the {@code ast} module in a context that never runs user code (the code
     * is only data there), so that one context serves every check.
     */
    private synchronized Map<String, Object> analyzePython(String code) {
        pool(Language.PYTHON);
        if (pythonAnalysis == null) {
            Context context = newContext(Language.PYTHON, false);
            context.eval(Source.newBuilder("python", resource("analysis.py"), "grapholap-analysis.py").buildLiteral());
            pythonAnalysis = context;
        }
        CancellationToken token = CancellationToken.create();
        try (RunWatchdog.Guard guard = watchdog.watch(pythonAnalysis, settings.checkTimeout().toNanos(), token)) {
            try {
                String out = pythonAnalysis.getBindings("python").getMember("__grapholap_analyze").execute(code).asString();
                @SuppressWarnings("unchecked")
                Map<String, Object> map = JSON.readValue(out, Map.class);
                return map;
            } catch (PolyglotException | IllegalStateException e) {
                pythonAnalysis.close(true);
                pythonAnalysis = null;
                throw new ValidationException("code", guard.stopped() != null
                        ? "the code could not be read within " + settings.checkTimeout().toMillis() + " ms"
                        : "the code could not be read: " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- runs ----

    @Override
    public Object run(Invocation invocation) {
        Language language = invocation.language();
        Duration timeout = invocation.limits().timeout();
        // the time spent waiting for a context (built inline when the pool is empty) counts against the run
        long deadline = System.nanoTime() + timeout.toNanos();
        ContextPool pool = pool(language);
        Context context = take(pool, language);
        String id = language == Language.JS ? "js" : "python";
        CancellationToken token = CancellationToken.create();
        FunctionSession session = session(invocation);
        HostBridge bridge = new HostBridge(token, deadline, settings, session);
        try (RunWatchdog.Guard guard = watchdog.watch(context, deadline - System.nanoTime(), token)) {
            try {
                Value bindings = context.getBindings(id);
                bindings.getMember("__grapholap_setup").execute(bridge, librariesJson(invocation), session != null);
                context.eval(userSource(language, language == Language.JS
                        ? JsModules.rewriteImports(invocation.code()) : invocation.code()));
                Value task = bindings.getMember("task");
                if (task == null || !task.canExecute()) {
                    throw new FunctionFailedException("the code defines no function task("
                            + parameterNames(invocation.entry()) + ")", null, "MissingTask");
                }
                Value out = bindings.getMember("__grapholap_invoke").execute(task, argumentsJson(invocation, bridge));
                int handle = out.getArrayElement(0).asInt();
                if (handle >= 0) {
                    Object target = bridge.target(handle);
                    return target instanceof AlgorithmResult r
                            ? HostBridge.plainResult(r, invocation.limits().maxOutputBytes()) : target;
                }
                Object result = new GuestValues(invocation.limits().maxOutputBytes(), language == Language.JS)
                        .convert(out.getArrayElement(1));
                return loadDataGraph(invocation, result);
            } catch (PolyglotException e) {
                throw translate(e, guard.stopped(), timeout);
            } catch (IllegalStateException e) {
                // the watchdog closed the context while the host was reading it
                if (guard.stopped() != null) {
                    throw stopped(guard.stopped(), timeout);
                }
                throw e;
            }
        } finally {
            pool.discard(context);
        }
    }

    /**
     * The session of a run: the invocation's, or else the one passed as an argument (a custom
     * endpoint's {@code task(request, user, session)}); a run sees one session only.
     */
    private static FunctionSession session(Invocation invocation) {
        FunctionSession session = invocation.session();
        for (Object a : invocation.arguments()) {
            if (a instanceof FunctionSession s) {
                if (session != null && s != session) {
                    throw new IllegalArgumentException("a session argument must be the invocation's session");
                }
                session = s;
            }
        }
        return session;
    }

    /** {@code load_data} code may return {@code {nodes, edges}} lists instead of a graph: build it. */
    private static Object loadDataGraph(Invocation invocation, Object result) {
        if (invocation.entry() == EntryPoint.LOAD_DATA && invocation.session() != null
                && result instanceof Map<?, ?> map && map.size() == 2
                && map.get("nodes") instanceof List<?> nodes && map.get("edges") instanceof List<?> edges) {
            return invocation.session().buildGraph(records(nodes, "nodes"), records(edges, "edges"));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(List<?> list, String field) {
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new ValidationException(field, "load_data must return " + field + " as a list of objects");
            }
        }
        return (List<Map<String, Object>>) list;
    }

    /**
     * Cached: the shared engine parses one text once and every later context reuses it (the engine
     * holds parsed sources weakly, so code no longer run is let go).
     */
    private static Source userSource(Language language, String code) {
        return Source.newBuilder(language == Language.JS ? "js" : "python", code, "udf." + extension(language))
                .cached(true).buildLiteral();
    }

    private static String librariesJson(Invocation invocation) {
        Map<String, String> libraries = new LinkedHashMap<>();
        invocation.libraries().forEach((name, source) -> libraries.put(name,
                invocation.language() == Language.JS ? JsModules.toCommonJs(source) : source));
        try {
            return JSON.writeValueAsString(libraries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String argumentsJson(Invocation invocation, HostBridge bridge) {
        List<Object> args = new ArrayList<>();
        for (Object a : invocation.arguments()) {
            if (a instanceof GraphInstance g) {
                args.add(Map.of("graph", bridge.register(g)));
            } else if (a instanceof FunctionSession) {
                args.add(Map.of("session", 0));
            } else {
                args.add(Collections.singletonMap("json", a));
            }
        }
        return HostBridge.toJson(args);
    }

    private static DomainException stopped(RunWatchdog.Stop why, Duration timeout) {
        return why == RunWatchdog.Stop.TIMEOUT
                ? new OperationTimeoutException("function run", timeout)
                : new FunctionFailedException("the function was stopped by the memory limit: live heap data passed the share of "
                        + "the heap that runs may fill (grapholap.udf.runtime.max-live-heap-fraction) while it was the run "
                        + "allocating most", null, "MemoryLimit");
    }

    private static RuntimeException translate(PolyglotException e, RunWatchdog.Stop stop, Duration timeout) {
        if (stop != null) {
            return stopped(stop, timeout);
        }
        if (e.isCancelled()) {
            return new OperationTimeoutException("function run", timeout);
        }
        if (e.isHostException() && e.asHostException() instanceof DomainException d) {
            return d;
        }
        Integer line = userLine(e);
        if (e.isResourceExhausted()) {
            return new FunctionFailedException("the function ran out of resources: " + e.getMessage(), line,
                    "ResourceExhausted");
        }
        if (e.isSyntaxError()) {
            return new FunctionFailedException(e.getMessage(), line, "SyntaxError");
        }
        if (e.isInternalError() || e.isHostException()) {
            String refusal = sandboxRefusal(e.getMessage());
            if (refusal != null) {
                return new FunctionFailedException("the sandbox does not allow this: " + refusal, line, "SandboxViolation");
            }
            LOG.log(System.Logger.Level.WARNING, "user function failed inside the runtime", e);
            return new FunctionFailedException("the function failed inside the runtime: " + e.getMessage(), line,
                    "InternalError");
        }
        return new FunctionFailedException(e.getMessage(), line, errorType(e));
    }

    /**
     * The reason when a runtime error is the sandbox refusing something (creating a process or a
     * thread, a network lookup), without the Java class name and the advice on how to allow it.
     */
    private static String sandboxRefusal(String message) {
        if (message == null || !(message.contains("not allowed") || message.contains("was excluded"))) {
            return null;
        }
        String m = message;
        int colon = m.indexOf(": ");
        if (colon > 0 && m.substring(0, colon).matches("[\\w.$]+")) {
            m = m.substring(colon + 2);
        }
        int advice = m.indexOf(", to enable");
        return advice > 0 ? m.substring(0, advice) : m;
    }

    private static String errorType(PolyglotException e) {
        try {
            Value guest = e.getGuestObject();
            if (guest != null && guest.getMetaObject() != null) {
                return guest.getMetaObject().getMetaSimpleName();
            }
        } catch (RuntimeException ignored) {
            // a closed context cannot describe its exception; the message still says what happened
        }
        return null;
    }

    /** The line of the innermost stack frame in the user's own code, or null when none is known. */
    private static Integer userLine(PolyglotException e) {
        Integer python = pythonLine(e);
        if (python != null) {
            return python;
        }
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            SourceSection s = frame.isGuestFrame() ? frame.getSourceLocation() : null;
            if (s != null && s.getSource().getName().startsWith("udf.") && s.hasLines()) {
                return s.getStartLine();
            }
        }
        SourceSection s = e.getSourceLocation();
        if (s != null && s.getSource().getName().startsWith("udf.") && s.hasLines()) {
            return s.getStartLine();
        }
        return null;
    }

    /**
     * GraalPy gives no source locations in the polyglot stack trace: read the exception's own
     * traceback (or a SyntaxError's line) for the innermost frame in {@code udf.py}.
     */
    private static Integer pythonLine(PolyglotException e) {
        try {
            Value guest = e.getGuestObject();
            if (guest == null || !guest.hasMembers()) {
                return null;
            }
            Value file = guest.getMember("filename");
            Value lineno = guest.getMember("lineno");
            if (file != null && file.isString() && file.asString().equals("udf.py") && lineno != null && lineno.fitsInInt()) {
                return lineno.asInt();
            }
            Integer line = null;
            Value tb = guest.getMember("__traceback__");
            for (int depth = 0; tb != null && !tb.isNull() && depth < 10_000; depth++) {
                Value code = tb.getMember("tb_frame").getMember("f_code");
                if ("udf.py".equals(code.getMember("co_filename").asString())) {
                    line = tb.getMember("tb_lineno").asInt();
                }
                tb = tb.getMember("tb_next");
            }
            return line;
        } catch (RuntimeException ignored) {
            // a closed context cannot describe its exception; the message still says what happened
            return null;
        }
    }

    /**
     * Stops the context pools (waiting for a context being built to be finished), closes what is
     * left, and then the engines. The order matters: {@code Engine.close(true)} holds the engine's
     * lock while it waits for every thread to leave its contexts, and a thread that is initialising
     * a language in a context (GraalPy loads TRegex while a context starts) needs that same lock: the
     * two wait for each other forever. So the engines close only once the pools' builders are done,
     * and on a thread of their own: a user run that was starting a context at that moment could still
     * meet the same deadlock, and the server's shutdown then goes on after {@link #ENGINE_CLOSE_WAIT},
     * leaving the engines to the JVM's exit.
     */
    @Override
    public void close() {
        closed = true;
        pools.values().forEach(ContextPool::close);
        synchronized (this) {
            if (pythonAnalysis != null) {
                pythonAnalysis.close(true);
            }
        }
        watchdog.close();
        closer.shutdown();
        Waits.await(closer, ENGINE_CLOSE_WAIT, "closing the last UDF contexts");
        Thread closing = Thread.ofPlatform().daemon().name("udf-engine-close")
                .start(() -> engines.values().forEach(engine -> engine.close(true)));
        if (!Waits.join(closing, ENGINE_CLOSE_WAIT)) {
            LOG.log(System.Logger.Level.WARNING, "the polyglot engines did not close within " + ENGINE_CLOSE_WAIT.toSeconds()
                    + " s (a context was still starting); they are left to the JVM's exit");
        }
    }
}
