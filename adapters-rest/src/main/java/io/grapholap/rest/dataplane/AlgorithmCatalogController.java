package io.grapholap.rest.dataplane;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.grapholap.application.algorithm.ListAlgorithms;
import io.grapholap.application.graph.algo.ParamSpec;
import io.grapholap.rest.web.DataEnvelope;
import io.grapholap.rest.web.ListEnvelope;
import io.grapholap.rest.web.PlatformErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;

/**
 * The algorithm catalog, {@code GET /api/algorithms}: what {@code POST /api/instances/{id}/algo/{name}}
 * accepts, from the same registry that parses it; the Python SDK and the docs are generated from it.
 */
@Controller("/api/algorithms")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "data plane")
@PlatformErrors
final class AlgorithmCatalogController {

    private final ListAlgorithms algorithms;

    AlgorithmCatalogController(ListAlgorithms algorithms) {
        this.algorithms = algorithms;
    }

    @Get
    @Operation(summary = "Every algorithm: parameters with types, defaults and ranges, result columns, and the engines of this server that run it with their own options")
    ListEnvelope<AlgorithmWebModel> list() {
        return ListEnvelope.all(algorithms.list().stream().map(AlgorithmWebModel::from).toList());
    }

    @Get("/{name}")
    @Operation(summary = "One algorithm of the catalog; 404 for a name the server does not know")
    DataEnvelope<AlgorithmWebModel> get(@Parameter(example = "pagerank") @PathVariable String name) {
        return DataEnvelope.of(AlgorithmWebModel.from(algorithms.get(name)));
    }

    /**
     * One parameter: {@code type} is {@code int}, {@code long}, {@code double}, {@code boolean},
     * {@code string} or {@code vertex} (docs/identity.md); {@code minimum}/{@code maximum} bound numbers (exclusive
     * where the flags say so, {@code range} writes them as an interval); {@code allowed} lists the
     * values a string may take; a parameter without {@code default} that is not required is absent
     * unless given. {@code default} is null where there is none.
     */
    @Introspected
    record ParameterWebModel(String name, String type, boolean required, @JsonProperty("default") Object defaultValue, Double minimum,
                             boolean minimumExclusive, Double maximum, boolean maximumExclusive, String range,
                             List<String> allowed, String description) {
        static List<ParameterWebModel> of(List<ParamSpec> specs) {
            return specs.stream().map(p -> new ParameterWebModel(p.name(), p.type().name().toLowerCase(Locale.ROOT),
                    p.required() && p.defaultValue() == null, p.defaultValue(), p.min(), p.minExclusive(), p.max(),
                    p.maxExclusive(), p.rangeText().isEmpty() ? null : p.rangeText(), p.allowed(), p.description())).toList();
        }
    }

    /** An engine that runs the algorithm, whether it can be used now, and the options it adds (such as {@code precision}). */
    @Introspected
    record EngineWebModel(String name, boolean available, List<ParameterWebModel> options) {
    }

    /**
     * One algorithm. {@code result_columns} are the columns of a stream result in order;
     * {@code value_column} is the one a stats summary reads and mode mutate stores.
     */
    @Introspected
    record AlgorithmWebModel(String name, String description, List<ParameterWebModel> parameters,
                             List<String> resultColumns, String valueColumn, List<EngineWebModel> engines) {
        static AlgorithmWebModel from(ListAlgorithms.Entry e) {
            var d = e.definition();
            return new AlgorithmWebModel(d.name(), d.description(), ParameterWebModel.of(d.params()), d.resultColumns(),
                    d.valueColumn(), e.engines().stream().map(r -> new EngineWebModel(r.engine(), r.available(),
                            ParameterWebModel.of(r.options()))).toList());
        }
    }
}
