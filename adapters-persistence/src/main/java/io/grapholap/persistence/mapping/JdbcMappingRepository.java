package io.grapholap.persistence.mapping;

import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingQuery;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Mappings in the metadata database, over plain JDBC: the list query is assembled from the filters
 * with bound parameters only, and sorting and paging happen in SQL that H2 (PostgreSQL mode) and
 * PostgreSQL both run. Times are kept to the microsecond, the precision both databases store.
 * Versions never change once written, so their parsed definitions are cached by (mapping, version);
 * reads still go to the database for the header, so several servers may share one store.
 */
@Singleton
final class JdbcMappingRepository implements MappingRepository {

    private static final String SELECT = "SELECT m.id, m.name, m.description, m.owner, m.current_version, m.ttl,"
            + " m.inactivity_timeout, m.created_at, m.updated_at, v.node_definitions, v.edge_definitions"
            + " FROM mappings m JOIN mapping_versions v ON v.mapping_id = m.id AND v.version = m.current_version";
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "LOWER(m.name)", "created_at", "m.created_at", "current_version", "m.current_version");

    private static final int CACHED_DEFINITIONS = 1024;

    private final DataSource dataSource;
    private final Map<String, MappingDefinition> definitions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MappingDefinition> eldest) {
                    return size() > CACHED_DEFINITIONS;
                }
            });

    JdbcMappingRepository(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    @Override
    public Mapping create(NewMapping m) {
        Instant at = micros(m.createdAt());
        return inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO mappings (name, description, owner, current_version,"
                    + " ttl, inactivity_timeout, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?)", new String[] {"id"})) {
                ps.setString(1, m.name());
                ps.setString(2, m.description());
                ps.setString(3, m.owner());
                ps.setString(4, text(m.lifecycle().ttl()));
                ps.setString(5, text(m.lifecycle().inactivityTimeout()));
                ps.setObject(6, time(at));
                ps.setObject(7, time(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertVersion(c, id, 1, m.definition(), m.changeDescription(), m.owner(), at);
            return findIn(c, new MappingId(id)).orElseThrow();
        });
    }

    @Override
    public Optional<Mapping> find(MappingId id) {
        return withConnection(c -> findIn(c, id));
    }

    @Override
    public Mapping addVersion(MappingId id, int expectedCurrent, String name, String description,
                              MappingDefinition definition, String changeDescription, String createdBy, Instant at) {
        Instant now = micros(at);
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mappings SET current_version = ?, name = ?, description = ?,"
                    + " updated_at = ? WHERE id = ? AND current_version = ?")) {
                ps.setInt(1, expectedCurrent + 1);
                ps.setString(2, name);
                ps.setString(3, description);
                ps.setObject(4, time(now));
                ps.setLong(5, id.value());
                ps.setInt(6, expectedCurrent);
                if (ps.executeUpdate() != 1) {
                    throw new ConflictException("CONFLICT", "mapping " + id + " changed while this update ran; read it again and retry",
                            Map.of("mapping_id", id.value(), "expected_version", expectedCurrent));
                }
            }
            insertVersion(c, id.value(), expectedCurrent + 1, definition, changeDescription, createdBy, now);
            return findIn(c, id).orElseThrow();
        });
    }

    @Override
    public List<MappingVersion> versions(MappingId id) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, node_definitions, edge_definitions, change_description,"
                    + " created_by, created_at FROM mapping_versions WHERE mapping_id = ? ORDER BY version")) {
                ps.setLong(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    List<MappingVersion> versions = new ArrayList<>();
                    while (rs.next()) {
                        versions.add(version(id, rs));
                    }
                    return versions;
                }
            }
        });
    }

    @Override
    public Optional<MappingVersion> version(MappingId id, int version) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version, node_definitions, edge_definitions, change_description,"
                    + " created_by, created_at FROM mapping_versions WHERE mapping_id = ? AND version = ?")) {
                ps.setLong(1, id.value());
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(version(id, rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Mapping setLifecycle(MappingId id, Lifecycle lifecycle, Instant at) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mappings SET ttl = ?, inactivity_timeout = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, text(lifecycle.ttl()));
                ps.setString(2, text(lifecycle.inactivityTimeout()));
                ps.setObject(3, time(micros(at)));
                ps.setLong(4, id.value());
                ps.executeUpdate();
            }
            return findIn(c, id).orElseThrow(() -> new io.grapholap.domain.error.NotFoundException("mapping", id));
        });
    }

    @Override
    public boolean delete(MappingId id) {
        return inTransaction(c -> {
            try (PreparedStatement versions = c.prepareStatement("DELETE FROM mapping_versions WHERE mapping_id = ?");
                 PreparedStatement mapping = c.prepareStatement("DELETE FROM mappings WHERE id = ?")) {
                versions.setLong(1, id.value());
                versions.executeUpdate();
                mapping.setLong(1, id.value());
                boolean deleted = mapping.executeUpdate() == 1;
                definitions.keySet().removeIf(k -> k.startsWith(id.value() + "/"));
                return deleted;
            }
        });
    }

    @Override
    public Page<Mapping> list(MappingQuery query, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (query.owner() != null) {
            where.append(" AND m.owner = ?");
            args.add(query.owner());
        }
        if (query.search() != null) {
            where.append(" AND (LOWER(m.name) LIKE ? ESCAPE '!' OR LOWER(m.description) LIKE ? ESCAPE '!')");
            String pattern = "%" + query.search().toLowerCase(java.util.Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            args.add(pattern);
            args.add(pattern);
        }
        if (query.createdAfter() != null) {
            where.append(" AND m.created_at >= ?");
            args.add(time(query.createdAfter()));
        }
        if (query.createdBefore() != null) {
            where.append(" AND m.created_at < ?");
            args.add(time(query.createdBefore()));
        }
        String column = SORT_COLUMNS.get(page.sortBy());
        if (column == null) {
            throw new IllegalArgumentException("unsupported sort field " + page.sortBy());
        }
        String direction = page.descending() ? " DESC" : " ASC";
        String sql = SELECT + where + " ORDER BY " + column + direction + ", m.id" + direction + " LIMIT ? OFFSET ?";
        return withConnection(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM mappings m" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Mapping> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                ps.setInt(args.size() + 1, page.limit());
                ps.setInt(args.size() + 2, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(mapping(rs));
                    }
                }
            }
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private Optional<Mapping> findIn(Connection c, MappingId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE m.id = ?")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapping(rs)) : Optional.empty();
            }
        }
    }

    private static void insertVersion(Connection c, long id, int version, MappingDefinition definition,
                                      String changeDescription, String createdBy, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mapping_versions (mapping_id, version, node_definitions,"
                + " edge_definitions, change_description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, version);
            ps.setString(3, DefinitionJson.nodes(definition.nodes()));
            ps.setString(4, DefinitionJson.edges(definition.edges()));
            ps.setString(5, changeDescription == null ? "" : changeDescription);
            ps.setString(6, createdBy);
            ps.setObject(7, time(at));
            ps.executeUpdate();
        }
    }

    private Mapping mapping(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        int version = rs.getInt("current_version");
        return new Mapping(new MappingId(id), rs.getString("name"), rs.getString("description"),
                rs.getString("owner"), version, definition(id, version, rs),
                new Lifecycle(duration(rs.getString("ttl")), duration(rs.getString("inactivity_timeout"))),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    /** The parsed definition of one version, from the cache or from the row being read. */
    private MappingDefinition definition(long id, int version, ResultSet rs) throws SQLException {
        String key = id + "/" + version;
        MappingDefinition cached = definitions.get(key);
        if (cached != null) {
            return cached;
        }
        MappingDefinition parsed = new MappingDefinition(DefinitionJson.readNodes(rs.getString("node_definitions")),
                DefinitionJson.readEdges(rs.getString("edge_definitions")));
        definitions.put(key, parsed);
        return parsed;
    }

    private MappingVersion version(MappingId id, ResultSet rs) throws SQLException {
        int version = rs.getInt("version");
        return new MappingVersion(id, version, definition(id.value(), version, rs),
                rs.getString("change_description"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("metadata database: " + e.getMessage(), e);
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("metadata database: " + e.getMessage(), e);
        }
    }
}
