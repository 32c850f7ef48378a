package io.grapholap.persistence.dataset;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** The {@code dataset_versions} table; (dataset_id, version) is unique. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DatasetVersionRows extends CrudRepository<DatasetVersionRow, Long> {

    List<DatasetVersionRow> findByDatasetIdOrderByVersionAsc(long datasetId);

    Optional<DatasetVersionRow> findByDatasetIdAndVersion(long datasetId, int version);

    int deleteByDatasetIdAndVersion(long datasetId, int version);
}
