package io.grapholap.rest.udf;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.grapholap.application.common.Page;
import io.grapholap.domain.udf.FunctionParameter;
import io.grapholap.domain.udf.OrganizationSettings;
import io.grapholap.domain.udf.UserFunction;
import io.micronaut.core.annotation.Introspected;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import io.swagger.v3.oas.annotations.media.Schema;

/** UDF resources on the wire, with the field names the UDF API's clients use (snake_case through the server's JSON settings). */
final class FunctionWebModels {

    private FunctionWebModels() {
    }

    @Introspected
    record ParameterWebModel(String name, String type) {
        static ParameterWebModel from(FunctionParameter p) {
            return new ParameterWebModel(p.name(), p.type());
        }

        FunctionParameter toDomain() {
            return new FunctionParameter(name, type);
        }
    }

    @Introspected
    record FunctionWebModel(String alias, String author, @JsonProperty("is_enabled") boolean isEnabled, String organization,
                            String type, Instant createdAt, Instant updatedAt, String uuid, String loadDataset, String loadData,
                            String execute, String engine, String outputType, String format, List<ParameterWebModel> parameters,
                            Set<String> editors, Set<String> runners) {
        static FunctionWebModel from(UserFunction f) {
            return new FunctionWebModel(f.alias(), f.author(), f.enabled(), f.organization(), f.type(), f.createdAt(), f.updatedAt(),
                    f.uuid(), f.loadDataset(), f.loadData(), f.execute(), f.engine().wireName(), f.outputType().wireName(),
                    f.format().wireName(), f.parameters().stream().map(ParameterWebModel::from).toList(), f.editors(), f.runners());
        }
    }

    /** A create or update body; on update every field is optional and alias is not accepted. */
    @Introspected
    @Schema(description = "A UDF: execute is required on create; on update every field is optional and alias is not accepted",
            example = "{\"execute\": \"function task(g, args) { return g.statistics(); }\", \"is_enabled\": true}")
    record FunctionBody(String alias, @JsonProperty("is_enabled") Boolean isEnabled, String loadDataset, String loadData,
                        String execute, String engine, String outputType, String format, List<ParameterWebModel> parameters) {
        List<FunctionParameter> domainParameters() {
            return parameters == null ? null : parameters.stream().map(p -> {
                if (p == null) {
                    throw new io.grapholap.domain.error.ValidationException("parameters", "parameters must be objects {name, type}");
                }
                return p.toDomain();
            }).toList();
        }
    }

    @Introspected
    record PermissionsBody(Set<String> editors, Set<String> runners) {
    }

    @Introspected
    record PermissionsWebModel(String uuid, String author, Set<String> editors, Set<String> runners) {
        static PermissionsWebModel from(UserFunction f) {
            return new PermissionsWebModel(f.uuid(), f.author(), f.editors(), f.runners());
        }
    }

    /** A page in the UDF API's shape: {@code count}, links to the {@code next} and {@code previous} pages, {@code results}. */
    @Introspected
    record FunctionPage<T>(long count, String next, String previous, List<T> results) {
        static <D, T> FunctionPage<T> of(Page<D> page, String path, Function<? super D, ? extends T> toWeb) {
            int offset = page.offset();
            int limit = page.limit();
            String next = offset + limit < page.total() ? path + "?limit=" + limit + "&offset=" + (offset + limit) : null;
            String previous = offset > 0 ? path + "?limit=" + limit + "&offset=" + Math.max(0, offset - limit) : null;
            return new FunctionPage<>(page.total(), next, previous, page.items().stream().<T>map(toWeb).toList());
        }
    }

    @Introspected
    record RunBody(Map<String, Object> loadDataArgs, Map<String, Object> executeArgs, String engine, Long timeoutMs) {
    }

    @Introspected
    record OrganizationWebModel(String name, boolean udfCreationEnabled, List<String> udfExecutionDisabledLanguages,
                                List<String> udfExecutionUsers, Instant updatedAt, String updatedBy) {
        static OrganizationWebModel from(OrganizationSettings s) {
            return new OrganizationWebModel(s.organization(), s.udfCreationEnabled(),
                    s.executionDisabledLanguages().stream().sorted().toList(), s.executionUsers(), s.updatedAt(), s.updatedBy());
        }
    }

    /** Fields left out (or null) keep their values; an empty list clears one. */
    @Introspected
    record OrganizationBody(Boolean udfCreationEnabled, List<String> udfExecutionDisabledLanguages, List<String> udfExecutionUsers) {
    }
}
