package io.grapholap.persistence.udf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.common.Page;
import io.grapholap.application.udf.FunctionRepository;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.udf.FunctionAlias;
import io.grapholap.domain.udf.FunctionEngine;
import io.grapholap.domain.udf.FunctionParameter;
import io.grapholap.domain.udf.OutputFormat;
import io.grapholap.domain.udf.OutputType;
import io.grapholap.domain.udf.UserFunction;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UDFs in the metadata database through {@link FunctionRows}; the filtered list and the importers
 * search are portable SQL with bound parameters. An alias taken in the organisation is a 409 CONFLICT
 * (the unique index decides, so two racing creates never both win).
 */
@Singleton
final class JdbcFunctionRepository implements FunctionRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> PARAMETERS = new TypeReference<>() {
    };

    private final FunctionRows rows;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;

    JdbcFunctionRepository(FunctionRows rows, JdbcOperations jdbc, ConnectionOperations<Connection> connections) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.connections = connections;
    }

    @Override
    public UserFunction create(UserFunction function, Set<String> imports) {
        try {
            return function(rows.save(row(function, imports)));
        } catch (RuntimeException e) {
            throw aliasTaken(function, e);
        }
    }

    @Override
    public UserFunction update(UserFunction function, Set<String> imports) {
        if (!rows.existsById(function.uuid())) {
            throw new NotFoundException("function", function.name());
        }
        try {
            return function(rows.update(row(function, imports)));
        } catch (RuntimeException e) {
            throw aliasTaken(function, e);
        }
    }

    @Override
    public Optional<UserFunction> find(String organization, String uuidOrAlias) {
        if (uuidOrAlias == null || uuidOrAlias.isBlank()) {
            return Optional.empty();
        }
        Optional<FunctionRow> row = FunctionAlias.looksLikeUuid(uuidOrAlias)
                ? rows.findByOrganizationAndUuid(organization, uuidOrAlias.toLowerCase(java.util.Locale.ROOT))
                : rows.findByOrganizationAndAlias(organization, uuidOrAlias);
        return row.map(JdbcFunctionRepository::function);
    }

    @Override
    public Set<String> imports(String uuid) {
        return rows.findById(uuid).map(r -> set(r.imports())).orElse(Set.of());
    }

    @Override
    public boolean delete(String uuid) {
        return rows.remove(uuid) == 1;
    }

    @Override
    public Page<UserFunction> list(String organization, String language, String editableBy, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE organization = ? AND language = ?");
        List<Object> args = new ArrayList<>(List.of(organization, language));
        if (editableBy != null) {
            where.append(" AND (author = ? OR editors LIKE ? ESCAPE '!')");
            args.add(editableBy);
            args.add(member(editableBy));
        }
        return connections.executeRead(status -> {
            long total = jdbc.prepareStatement("SELECT COUNT(*) FROM functions" + where, ps -> {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            List<UserFunction> items = jdbc.prepareStatement("SELECT * FROM functions" + where
                    + " ORDER BY created_at, uuid LIMIT ? OFFSET ?", ps -> {
                bind(ps, args);
                ps.setInt(args.size() + 1, limit);
                ps.setInt(args.size() + 2, offset);
                List<UserFunction> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(function(jdbc.readEntity(rs, FunctionRow.class)));
                    }
                }
                return found;
            });
            return new Page<>(items, total, offset, limit);
        });
    }

    @Override
    public List<String> importersOf(String library, String organization, int limit) {
        String sql = "SELECT organization, alias, uuid FROM functions WHERE imports LIKE ? ESCAPE '!'"
                + (organization == null ? "" : " AND organization = ?") + " ORDER BY organization, created_at LIMIT ?";
        return connections.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, member(library));
            int next = 2;
            if (organization != null) {
                ps.setString(next++, organization);
            }
            ps.setInt(next, limit);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String alias = rs.getString(2);
                    names.add(rs.getString(1) + "/" + (alias == null ? rs.getString(3) : alias));
                }
            }
            return names;
        }));
    }

    private static RuntimeException aliasTaken(UserFunction function, RuntimeException e) {
        if (UniqueViolation.causes(e)) {
            return new ConflictException("CONFLICT", "alias " + function.alias() + " is already used in organization "
                    + function.organization(), Map.of("field", "alias", "alias", String.valueOf(function.alias())));
        }
        return e;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /** LIKE pattern matching {@code name} as one member of a {@code ,a,b,} list. */
    private static String member(String name) {
        return "%," + name.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%";
    }

    private static FunctionRow row(UserFunction f, Set<String> imports) {
        List<Map<String, String>> params = f.parameters().stream().map(p -> Map.of("name", p.name(), "type", p.type())).toList();
        return new FunctionRow(f.uuid(), f.alias(), f.organization(), f.type(), f.author(), f.enabled(), f.loadDataset(),
                f.loadData(), f.execute(), f.engine().wireName(), f.outputType().wireName(), f.format().wireName(), write(params),
                list(f.editors()), list(f.runners()), list(imports), f.createdAt().truncatedTo(ChronoUnit.MICROS),
                f.updatedAt().truncatedTo(ChronoUnit.MICROS));
    }

    private static UserFunction function(FunctionRow r) {
        List<FunctionParameter> params = read(r.parameters()).stream()
                .map(p -> new FunctionParameter(p.get("name"), p.get("type"))).toList();
        return new UserFunction(r.uuid(), r.alias(), r.organization(), r.language(), r.author(), r.enabled(), r.loadDataset(),
                r.loadDataCode(), r.executeCode(), FunctionEngine.parse(r.engine(), "engine"),
                OutputType.parse(r.outputType(), "output_type"), OutputFormat.parse(r.outputFormat(), "format"), params,
                set(r.editors()), set(r.runners()), r.createdAt(), r.updatedAt());
    }

    private static String list(Set<String> names) {
        return "," + String.join(",", names) + (names.isEmpty() ? "" : ",");
    }

    private static Set<String> set(String text) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, String>> read(String text) {
        try {
            return JSON.readValue(text, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored function parameters are not valid JSON", e);
        }
    }
}
