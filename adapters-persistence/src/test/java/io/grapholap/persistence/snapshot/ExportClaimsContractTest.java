package io.grapholap.persistence.snapshot;

import io.grapholap.application.mapping.MappingRepository;
import io.grapholap.application.mapping.MappingRepository.NewMapping;
import io.grapholap.application.snapshot.ExportClaims;
import io.grapholap.application.snapshot.ExportClaimsContract;
import io.grapholap.application.snapshot.SnapshotRepository;
import io.grapholap.domain.mapping.Lifecycle;
import io.grapholap.domain.mapping.MappingDefinition;
import io.grapholap.domain.mapping.NodeDefinition;
import io.grapholap.domain.mapping.PropertyDefinition;
import io.grapholap.domain.mapping.PropertyType;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Instant;
import java.util.List;

/** The export claims contract on H2 and PostgreSQL. */
final class ExportClaimsContractTest {

    private ExportClaimsContractTest() {
    }

    abstract static class OnDatabase extends ExportClaimsContract {

        private MetadataDatabases.Running database;

        abstract MetadataDatabases database();

        @Override
        protected Store open() {
            database = database().start();
            MappingDefinition definition = new MappingDefinition(List.of(new NodeDefinition("Person", "SELECT id FROM people",
                    new PropertyDefinition("id", PropertyType.INT64), List.of())), List.of());
            long mappingId = database.bean(MappingRepository.class).create(new NewMapping("m", "", "alice", Lifecycle.NONE, definition,
                    "", Instant.parse("2026-03-01T10:00:00Z"))).id().value();
            return new Store(database.bean(ExportClaims.class), database.bean(SnapshotRepository.class), mappingId);
        }

        @Override
        protected void close() {
            database.close();
        }
    }

    static final class OnH2 extends OnDatabase {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends OnDatabase {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
