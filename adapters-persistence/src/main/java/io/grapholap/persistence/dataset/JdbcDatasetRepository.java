package io.grapholap.persistence.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapholap.application.common.Page;
import io.grapholap.application.common.PageRequest;
import io.grapholap.application.dataset.DatasetRepository;
import io.grapholap.domain.dataset.Dataset;
import io.grapholap.domain.dataset.DatasetName;
import io.grapholap.domain.dataset.DatasetVersion;
import io.grapholap.domain.error.ConflictException;
import io.grapholap.persistence.UniqueViolation;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Datasets in the metadata database. Publishing a version inserts its row and advances the current
 * version by compare-and-set in one transaction, so two uploads racing for the same version number
 * never both win (the loser's transaction rolls back on the unique (dataset_id, version) pair or the
 * failed compare-and-set).
 */
@Singleton
final class JdbcDatasetRepository implements DatasetRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "LOWER(name)", "created_at", "created_at",
            "updated_at", "updated_at");

    private final DatasetRows datasets;
    private final DatasetVersionRows versions;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;

    JdbcDatasetRepository(DatasetRows datasets, DatasetVersionRows versions, JdbcOperations jdbc,
                          ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions) {
        this.datasets = datasets;
        this.versions = versions;
        this.jdbc = jdbc;
        this.connections = connections;
        this.transactions = transactions;
    }

    @Override
    public Dataset create(NewDataset d) {
        Instant at = micros(d.createdAt());
        try {
            return dataset(datasets.save(new DatasetRow(null, d.name().value(), d.description(), d.owner(), 0, at, at)));
        } catch (RuntimeException e) {
            if (UniqueViolation.causes(e)) {
                throw new ConflictException("CONFLICT", "a dataset named " + d.name() + " already exists",
                        Map.of("name", d.name().value()));
            }
            throw e;
        }
    }

    @Override
    public Optional<Dataset> find(long id) {
        return datasets.findById(id).map(JdbcDatasetRepository::dataset);
    }

    @Override
    public Optional<Dataset> findByName(DatasetName name) {
        return datasets.findByName(name.value()).map(JdbcDatasetRepository::dataset);
    }

    @Override
    public boolean publish(DatasetVersion v) {
        Instant at = micros(v.createdAt());
        try {
            return transactions.executeWrite(status -> {
                if (datasets.advance(v.datasetId(), v.version() - 1, v.version(), at) != 1) {
                    status.setRollbackOnly();
                    return false;
                }
                versions.save(new DatasetVersionRow(null, v.datasetId(), v.version(), v.directory(), write(v.nodeCounts()),
                        write(v.edgeCounts()), v.sizeBytes(), v.createdBy(), at));
                return true;
            });
        } catch (RuntimeException e) {
            if (UniqueViolation.causes(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<DatasetVersion> versions(long datasetId) {
        return versions.findByDatasetIdOrderByVersionAsc(datasetId).stream().map(JdbcDatasetRepository::version).toList();
    }

    @Override
    public Optional<DatasetVersion> version(long datasetId, int version) {
        return versions.findByDatasetIdAndVersion(datasetId, version).map(JdbcDatasetRepository::version);
    }

    @Override
    public Page<Dataset> list(PageRequest page) {
        String column = SORT_COLUMNS.get(page.sortBy());
        if (column == null) {
            throw new IllegalArgumentException("unsupported sort field " + page.sortBy());
        }
        String direction = page.descending() ? " DESC" : " ASC";
        String sql = "SELECT * FROM datasets WHERE current_version > 0 ORDER BY " + column + direction + ", id" + direction + " LIMIT ? OFFSET ?";
        return connections.executeRead(status -> {
            long total = datasets.countByCurrentVersionGreaterThan(0);
            List<Dataset> items = jdbc.prepareStatement(sql, ps -> {
                ps.setInt(1, page.limit());
                ps.setInt(2, page.offset());
                List<Dataset> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(dataset(jdbc.readEntity(rs, DatasetRow.class)));
                    }
                }
                return found;
            });
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    @Override
    public boolean deleteVersion(long datasetId, int version) {
        return transactions.executeWrite(status -> {
            Optional<DatasetRow> dataset = datasets.findById(datasetId);
            if (dataset.isEmpty() || dataset.get().currentVersion() == version) {
                return false;
            }
            return versions.deleteByDatasetIdAndVersion(datasetId, version) == 1;
        });
    }

    @Override
    public boolean delete(long id) {
        return datasets.remove(id) == 1;
    }

    private static Dataset dataset(DatasetRow r) {
        return new Dataset(r.id(), new DatasetName(r.name()), r.description(), r.owner(), r.currentVersion(), r.createdAt(),
                r.updatedAt());
    }

    private static DatasetVersion version(DatasetVersionRow r) {
        return new DatasetVersion(r.datasetId(), r.version(), r.directory(), read(r.nodeCounts()), read(r.edgeCounts()), r.sizeBytes(),
                r.createdBy(), r.createdAt());
    }

    private static Map<String, Long> read(String text) {
        try {
            return JSON.readValue(text, COUNTS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored dataset counts are not valid JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
