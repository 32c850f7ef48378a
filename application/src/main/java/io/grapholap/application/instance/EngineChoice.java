package io.grapholap.application.instance;

import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The engines an instance may run on, by name ({@code cpu}, {@code gpu}), and the server default
 * ({@code grapholap.engine}). A request names {@code cpu}, {@code gpu} or {@code auto} (gpu when it
 * says it is available, else cpu); null means the default. Asking for an engine that is missing or
 * unavailable is refused with the engine's reason; only {@code auto} falls back.
 */
public final class EngineChoice {

    public static final String AUTO = "auto";

    private final Map<String, GraphEngine> engines;
    private final String defaultName;

    public EngineChoice(Map<String, GraphEngine> engines, String defaultName) {
        this.engines = Map.copyOf(new TreeMap<>(engines));
        this.defaultName = Objects.requireNonNull(defaultName, "defaultName").toLowerCase(Locale.ROOT);
    }

    /** The chosen engine and its name. */
    public record Chosen(String name, GraphEngine engine) {
    }

    public Chosen choose(String requested) {
        String name = requested == null || requested.isBlank() ? defaultName : requested.trim().toLowerCase(Locale.ROOT);
        if (name.equals(AUTO)) {
            GraphEngine gpu = engines.get("gpu");
            if (gpu != null && gpu.info().available()) {
                return new Chosen("gpu", gpu);
            }
            name = "cpu";
        } else if (!name.equals("cpu") && !name.equals("gpu")) {
            throw new ValidationException("engine", "engine must be one of cpu, gpu, auto; got '" + requested + "'");
        }
        GraphEngine engine = engines.get(name);
        if (engine == null) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the " + name + " engine is not configured on this server",
                    Map.of("engine", name, "reason", "not configured; configured engines: " + engines.keySet()));
        }
        EngineInfo info = engine.info();
        if (!info.available()) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the " + name + " engine cannot be used: "
                    + info.unavailableReason(), Map.of("engine", name, "reason", info.unavailableReason()));
        }
        return new Chosen(name, engine);
    }

    /**
     * The engines present, the default first and then the others by name: the order in which an
     * algorithm fallback ({@code engine=auto}) tries them.
     */
    public List<GraphEngine> present() {
        List<GraphEngine> out = new ArrayList<>();
        GraphEngine byDefault = engines.get(defaultName);
        if (byDefault != null) {
            out.add(byDefault);
        }
        engines.forEach((name, engine) -> {
            if (!name.equals(defaultName)) {
                out.add(engine);
            }
        });
        return out;
    }

    /** The engine called {@code name}, if present. */
    public Optional<GraphEngine> find(String name) {
        return Optional.ofNullable(name == null ? null : engines.get(name));
    }

    /** The engine of an existing instance (by its stored name), without the availability check. */
    public GraphEngine engine(String name) {
        GraphEngine engine = engines.get(name);
        if (engine == null) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the " + name + " engine is not configured on this server",
                    Map.of("engine", name, "reason", "not configured"));
        }
        return engine;
    }
}
