package io.grapholap.persistence.mapping;

import io.grapholap.application.common.Page;
import io.grapholap.persistence.PagedSql;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.mapping.MappingQuery;
import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.domain.error.NotFoundException;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.Mapping;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.MappingId;
import io.grapholap.domain.mapping.MappingVersion;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mappings in the metadata database. Rows go through the Micronaut Data repositories
 * {@link MappingRows} and {@link MappingVersionRows}; writes that touch both tables run in one
 * transaction, and a new version moves the header only if it is still at the version the caller
 * read (optimistic concurrency). The list query, whose filters are all optional, is portable SQL
 * over {@link JdbcOperations} with bound parameters only; H2 (PostgreSQL mode) and PostgreSQL both
 * run it. Times are kept to the microsecond, the precision both databases store.
 *
 * <p>Versions never change once written, so their parsed definitions are cached by (mapping,
 * version): reading a mapping whose current version is cached is one primary-key lookup of the
 * header, which still goes to the database, so several servers may share one store. That lookup,
 * the hot read behind {@code GET /api/mappings/{id}}, is one plain JDBC statement: under load the
 * pool's connections are the scarce resource, and a connection is held only while that statement
 * runs (the driver keeps it prepared on each connection).
 */
@Singleton
final class JdbcMappingRepository implements MappingRepository {

    private static final String SELECT = "SELECT m.id, m.name, m.description, m.owner, m.current_version, m.ttl,"
            + " m.inactivity_timeout, m.created_at, m.updated_at, v.node_definitions, v.edge_definitions"
            + " FROM mappings m JOIN mapping_versions v ON v.mapping_id = m.id AND v.version = m.current_version";
    private static final String FIND_HEADER = "SELECT id, name, description, owner, current_version, ttl, inactivity_timeout,"
            + " created_at, updated_at FROM mappings WHERE id = ?";
    private static final String FIND_DEFINITIONS = "SELECT node_definitions, edge_definitions FROM mapping_versions"
            + " WHERE mapping_id = ? AND version = ?";
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "LOWER(m.name)", "created_at", "m.created_at", "current_version", "m.current_version");

    private static final int CACHED_DEFINITIONS = 1024;

    private final MappingRows mappings;
    private final MappingVersionRows versions;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final Map<VersionKey, MappingDefinition> definitions = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<VersionKey, MappingDefinition> eldest) {
                    return size() > CACHED_DEFINITIONS;
                }
            });

    JdbcMappingRepository(MappingRows mappings, MappingVersionRows versions, JdbcOperations jdbc,
                          ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions) {
        this.mappings = mappings;
        this.versions = versions;
        this.jdbc = jdbc;
        this.connections = connections;
        this.transactions = transactions;
    }

    /** A header and the version row written with it, read back in the transaction that wrote them. */
    private record Written(MappingRow header, MappingVersionRow version) {
    }

    @Override
    public Mapping create(NewMapping m) {
        Instant at = micros(m.createdAt());
        Written written = transactions.executeWrite(status -> {
            MappingRow header = mappings.save(new MappingRow(null, m.name(), m.description(), m.owner(), 1,
                    text(m.lifecycle().ttl()), text(m.lifecycle().inactivityTimeout()), at, at));
            MappingVersionRow version = versions.save(versionRow(header.id(), 1, m.definition(), m.changeDescription(), m.owner(), at));
            return new Written(header, version);
        });
        return mapping(written.header(), definition(written.version()));
    }

    @Override
    public Optional<Mapping> find(MappingId id) {
        // One plain connection for header and (uncached) version. Micronaut Data's read-only
        // connections would first ask the driver for the read-only flag, a query of its own on H2.
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            Connection connection = status.getConnection();
            try {
                MappingRow header;
                try (PreparedStatement ps = connection.prepareStatement(FIND_HEADER)) {
                    ps.setLong(1, id.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        header = header(rs);
                    }
                }
                VersionKey key = new VersionKey(header.id(), header.currentVersion());
                MappingDefinition cached = definitions.get(key);
                if (cached != null) {
                    return Optional.of(mapping(header, cached));
                }
                try (PreparedStatement ps = connection.prepareStatement(FIND_DEFINITIONS)) {
                    ps.setLong(1, key.mappingId());
                    ps.setInt(2, key.version());
                    try (ResultSet rs = ps.executeQuery()) {
                        // No row: the version was deleted with its mapping after the header was read.
                        return rs.next()
                                ? Optional.of(mapping(header, definition(key, rs.getString(1), rs.getString(2))))
                                : Optional.empty();
                    }
                }
            } catch (SQLException e) {
                throw new DataAccessException("cannot read mapping " + id + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public Mapping addVersion(MappingId id, int expectedCurrent, String name, String description,
                              MappingDefinition definition, String changeDescription, String createdBy, Instant at) {
        Instant now = micros(at);
        Written written = transactions.executeWrite(status -> {
            if (mappings.advance(id.value(), expectedCurrent, name, description, now) != 1) {
                throw new ConflictException("CONFLICT", "mapping " + id + " changed while this update ran; read it again and retry",
                        Map.of("mapping_id", id.value(), "expected_version", expectedCurrent));
            }
            MappingVersionRow version = versions.save(versionRow(id.value(), expectedCurrent + 1, definition, changeDescription, createdBy, now));
            return new Written(mappings.findById(id.value()).orElseThrow(), version);
        });
        // Cached only after the commit: a rolled-back version number may be written again later.
        return mapping(written.header(), definition(written.version()));
    }

    @Override
    public List<MappingVersion> versions(MappingId id) {
        return versions.listOf(id.value()).stream().map(this::version).toList();
    }

    @Override
    public Optional<MappingVersion> version(MappingId id, int version) {
        return versions.findById(new VersionKey(id.value(), version)).map(this::version);
    }

    @Override
    public Mapping setLifecycle(MappingId id, Lifecycle lifecycle, Instant at) {
        MappingRow header = transactions.executeWrite(status -> {
            mappings.updateLifecycle(id.value(), text(lifecycle.ttl()), text(lifecycle.inactivityTimeout()), micros(at));
            return mappings.findById(id.value()).orElseThrow(() -> new NotFoundException("mapping", id));
        });
        return withDefinition(header).orElseThrow(() -> new NotFoundException("mapping", id));
    }

    @Override
    public boolean delete(MappingId id) {
        boolean deleted = transactions.executeWrite(status -> {
            versions.deleteOf(id.value());
            return mappings.remove(id.value()) == 1;
        });
        definitions.keySet().removeIf(k -> k.mappingId() == id.value());
        return deleted;
    }

    @Override
    public Page<Mapping> list(MappingQuery query, PageRequest page) {
        PagedSql.Where where = new PagedSql.Where("m.")
                .equal("owner", query.owner())
                .search(query.search())
                .created(query.createdAfter(), query.createdBefore());
        return PagedSql.page(jdbc, connections, "SELECT COUNT(*) FROM mappings m" + where, SELECT + where, where.args(),
                SORT_COLUMNS, "m.id", page, rs -> {
                    MappingRow header = jdbc.readEntity(rs, MappingRow.class);
                    return mapping(header, definition(new VersionKey(header.id(), header.currentVersion()),
                            rs.getString("node_definitions"), rs.getString("edge_definitions")));
                });
    }

    /** The header with its current definition, from the cache or from the version row. */
    private Optional<Mapping> withDefinition(MappingRow header) {
        VersionKey key = new VersionKey(header.id(), header.currentVersion());
        MappingDefinition cached = definitions.get(key);
        if (cached != null) {
            return Optional.of(mapping(header, cached));
        }
        // A version row missing here was deleted with its mapping after the header was read.
        return versions.findById(key).map(row -> mapping(header, definition(row)));
    }

    private static MappingVersionRow versionRow(long id, int version, MappingDefinition definition, String changeDescription,
                                                String createdBy, Instant at) {
        return new MappingVersionRow(new VersionKey(id, version), DefinitionJson.nodes(definition.nodes()),
                DefinitionJson.edges(definition.edges()), changeDescription == null ? "" : changeDescription, createdBy, at);
    }

    /** The header row at the cursor, read in the column order of {@link #FIND_HEADER}. */
    private static MappingRow header(ResultSet rs) throws SQLException {
        return new MappingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                rs.getObject(9, OffsetDateTime.class).toInstant());
    }

    private static Mapping mapping(MappingRow row, MappingDefinition definition) {
        return new Mapping(new MappingId(row.id()), row.name(), row.description(), row.owner(), row.currentVersion(), definition,
                new Lifecycle(duration(row.ttl()), duration(row.inactivityTimeout())), row.createdAt(), row.updatedAt());
    }

    private MappingDefinition definition(MappingVersionRow row) {
        return definition(row.id(), row.nodeDefinitions(), row.edgeDefinitions());
    }

    /** The parsed definition of one version, from the cache or parsed from its stored JSON. */
    private MappingDefinition definition(VersionKey key, String nodes, String edges) {
        MappingDefinition cached = definitions.get(key);
        if (cached != null) {
            return cached;
        }
        MappingDefinition parsed = new MappingDefinition(DefinitionJson.readNodes(nodes), DefinitionJson.readEdges(edges));
        definitions.put(key, parsed);
        return parsed;
    }

    private MappingVersion version(MappingVersionRow row) {
        return new MappingVersion(new MappingId(row.id().mappingId()), row.id().version(), definition(row),
                row.changeDescription(), row.createdBy(), row.createdAt());
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static String text(Duration d) {
        return d == null ? null : d.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
