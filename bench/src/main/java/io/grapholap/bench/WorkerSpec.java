package io.grapholap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one worker does: generate one graph and run a list of algorithms on one engine. Passed to a
 * child JVM as {@code --key value} arguments, so that a peer that runs over time or out of memory takes
 * only its own process down.
 */
record WorkerSpec(
        String engine,
        String graph,
        int scale,
        long seed,
        int threads,
        List<String> algorithms,
        int bfsSources,
        int timeoutSeconds,
        int warmupRuns,
        int peerMaxScale,
        int tinkerpopMaxScale,
        Path scratch) {

    WorkerSpec {
        algorithms = List.copyOf(algorithms);
    }

    WorkerSpec withAlgorithms(List<String> remaining) {
        return new WorkerSpec(engine, graph, scale, seed, threads, remaining, bfsSources, timeoutSeconds, warmupRuns, peerMaxScale,
                tinkerpopMaxScale, scratch);
    }

    List<String> toArgs() {
        List<String> args = new ArrayList<>();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("engine", engine);
        m.put("graph", graph);
        m.put("scale", Integer.toString(scale));
        m.put("seed", Long.toString(seed));
        m.put("threads", Integer.toString(threads));
        m.put("algorithms", String.join(",", algorithms));
        m.put("bfs-sources", Integer.toString(bfsSources));
        m.put("timeout", Integer.toString(timeoutSeconds));
        m.put("warmup", Integer.toString(warmupRuns));
        m.put("peer-max-scale", Integer.toString(peerMaxScale));
        m.put("tinkerpop-max-scale", Integer.toString(tinkerpopMaxScale));
        m.put("scratch", scratch.toString());
        m.forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        return args;
    }

    static WorkerSpec parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("worker argument " + args[i] + " is not an option");
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return new WorkerSpec(
                m.get("engine"),
                m.get("graph"),
                Integer.parseInt(m.get("scale")),
                Long.parseLong(m.get("seed")),
                Integer.parseInt(m.get("threads")),
                m.get("algorithms").isEmpty() ? List.of() : Arrays.asList(m.get("algorithms").split(",")),
                Integer.parseInt(m.get("bfs-sources")),
                Integer.parseInt(m.get("timeout")),
                Integer.parseInt(m.get("warmup")),
                Integer.parseInt(m.get("peer-max-scale")),
                Integer.parseInt(m.get("tinkerpop-max-scale")),
                Path.of(m.get("scratch")));
    }
}
