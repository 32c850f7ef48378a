package io.grapholap.application.instance;

import io.grapholap.application.graph.EngineInfo;
import io.grapholap.application.graph.GraphEngine;
import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The engines of this server by their own names ({@link EngineInfo#name()}), and the default one
 * ({@code grapholap.engine}). A request names one of them or {@code auto}; null means the default.
 * {@code auto} takes an available engine that drives devices (an accelerator), else the default when
 * it is available, else the first available engine by name. A name this server has no engine for is
 * refused naming the engines it has; an engine that is unavailable is refused with its own reason.
 * Only {@code auto} falls back.
 */
public final class EngineChoice {

    public static final String AUTO = "auto";

    private final NavigableMap<String, GraphEngine> engines;
    private final String defaultName;

    /** {@code defaultName} must be one of the engines. */
    public EngineChoice(Map<String, GraphEngine> engines, String defaultName) {
        this.engines = new TreeMap<>(engines);
        this.defaultName = Objects.requireNonNull(defaultName, "defaultName").trim().toLowerCase(Locale.ROOT);
        if (!this.engines.containsKey(this.defaultName)) {
            throw new IllegalArgumentException("the default engine '" + defaultName + "' is not one of " + this.engines.keySet());
        }
    }

    /** The chosen engine and its name. */
    public record Chosen(String name, GraphEngine engine) {
    }

    /** The names of the engines, sorted. */
    public Set<String> names() {
        return engines.keySet();
    }

    public String defaultName() {
        return defaultName;
    }

    public Chosen choose(String requested) {
        String name = requested == null || requested.isBlank() ? defaultName : requested.trim().toLowerCase(Locale.ROOT);
        if (name.equals(AUTO)) {
            name = auto();
        } else if (!engines.containsKey(name)) {
            throw new ValidationException("engine", "engine must be one of " + String.join(", ", engines.keySet()) + ", " + AUTO
                    + " on this server; got '" + requested + "'");
        }
        GraphEngine engine = engines.get(name);
        EngineInfo info = engine.info();
        if (!info.available()) {
            throw new UnavailableException("ENGINE_UNAVAILABLE", "the " + name + " engine cannot be used: "
                    + info.unavailableReason(), Map.of("engine", name, "reason", info.unavailableReason()));
        }
        return new Chosen(name, engine);
    }

    private String auto() {
        for (Map.Entry<String, GraphEngine> e : engines.entrySet()) {
            EngineInfo info = e.getValue().info();
            if (info.available() && info.devices() > 0) {
                return e.getKey();
            }
        }
        if (engines.get(defaultName).info().available()) {
            return defaultName;
        }
        return engines.entrySet().stream().filter(e -> e.getValue().info().available()).map(Map.Entry::getKey)
                .findFirst().orElse(defaultName);
    }

    /**
     * The engines present, the default first and then the others by name: the order in which an
     * algorithm fallback ({@code engine=auto}) tries them.
     */
    public List<GraphEngine> present() {
        List<GraphEngine> out = new ArrayList<>();
        out.add(engines.get(defaultName));
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
                    Map.of("engine", name, "reason", "not configured; engines here: " + engines.keySet()));
        }
        return engine;
    }
}
