package io.grapholap.application.graph;

import io.grapholap.application.graph.algo.AlgorithmDefinition;
import io.grapholap.application.graph.algo.AlgorithmRegistry;
import io.grapholap.domain.error.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * The algorithms a query may call ({@code CALL grapholap.<algorithm>(…)} in Cypher): each call is an
 * algorithm run in stream mode, with the catalog's parameter checks, the instance's algorithm lock and
 * the execution record that any other run gets. Calls run on the query's own thread and stop with it.
 */
public interface AlgorithmCalls {

    /**
     * The result columns of {@code algorithm}, in order: the catalog's.
     *
     * @throws NotFoundException when the catalog has no such algorithm
     */
    default List<String> columns(String algorithm) {
        return AlgorithmRegistry.find(algorithm).map(AlgorithmDefinition::resultColumns)
                .orElseThrow(() -> new NotFoundException("algorithm", algorithm));
    }

    /**
     * Runs {@code algorithm} with {@code params} (the same names and values as the algorithm endpoint's
     * body) and returns its whole result.
     *
     * @throws io.grapholap.domain.error.ValidationException naming the parameter that is wrong
     * @throws io.grapholap.domain.error.ConflictException when another run holds the instance's lock
     */
    AlgorithmResult call(String algorithm, Map<String, Object> params, CancellationToken cancel);

    /** No algorithms: every name is unknown. */
    AlgorithmCalls NONE = new AlgorithmCalls() {
        @Override
        public List<String> columns(String algorithm) {
            throw new NotFoundException("algorithm", algorithm);
        }

        @Override
        public AlgorithmResult call(String algorithm, Map<String, Object> params, CancellationToken cancel) {
            throw new NotFoundException("algorithm", algorithm);
        }
    };
}
