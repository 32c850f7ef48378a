package io.grapholap.application.graph.algo;

import java.util.Map;

/** A validated parameter record of one algorithm; build one with {@link AlgorithmCatalog#parse}. */
public sealed interface AlgorithmParams
        permits BfsParams, PageRankParams, WccParams, CdlpParams, LccParams, SsspParams, LouvainParams,
        DegreeParams, TriangleCountParams, BetweennessParams, KCoreParams, ShortestPathParams {

    /** The catalog name of the algorithm these parameters belong to. */
    String algorithm();

    /** Parses and validates raw parameters for {@code algorithm}. */
    static AlgorithmParams parse(String algorithm, Map<String, ?> raw) {
        return AlgorithmCatalog.parse(algorithm, raw);
    }
}
