package io.grapholap.persistence.favorite;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.favorite.FavoriteRepository;
import io.grapholap.domain.favorite.Favorite;
import io.grapholap.domain.favorite.ResourceType;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every FavoriteRepository must do, run against H2 and PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FavoriteRepositoryContractTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private MetadataDatabases.Running database;
    private FavoriteRepository repository;

    abstract MetadataDatabases database();

    @BeforeAll
    void start() {
        database = database().start();
        repository = database.bean(JdbcFavoriteRepository.class);
    }

    @AfterAll
    void stop() {
        database.close();
    }

    @Test
    void favoritesAreListedNewestFirstPerUserAndType() {
        assertThat(repository.add(new Favorite("ana", ResourceType.MAPPING, 1, T0))).isTrue();
        assertThat(repository.add(new Favorite("ana", ResourceType.SNAPSHOT, 1, T0.plusSeconds(1)))).isTrue();
        assertThat(repository.add(new Favorite("bo", ResourceType.MAPPING, 1, T0))).isTrue();
        assertThat(repository.list("ana", null)).extracting(Favorite::resourceType)
                .containsExactly(ResourceType.SNAPSHOT, ResourceType.MAPPING);
        assertThat(repository.list("ana", ResourceType.MAPPING)).containsExactly(new Favorite("ana", ResourceType.MAPPING, 1, T0));
        assertThat(repository.list("cy", null)).isEmpty();
    }

    @Test
    void aSecondAddOfTheSameFavoriteIsRefused() {
        assertThat(repository.add(new Favorite("dup", ResourceType.MAPPING, 7, T0))).isTrue();
        assertThat(repository.add(new Favorite("dup", ResourceType.MAPPING, 7, T0.plusSeconds(3)))).isFalse();
        assertThat(repository.list("dup", null)).hasSize(1);
    }

    @Test
    void removeReportsWhetherThereWasOne() {
        repository.add(new Favorite("rem", ResourceType.INSTANCE, 3, T0));
        assertThat(repository.remove("rem", ResourceType.INSTANCE, 3)).isTrue();
        assertThat(repository.remove("rem", ResourceType.INSTANCE, 3)).isFalse();
        assertThat(repository.list("rem", null)).isEmpty();
    }

    static final class OnH2 extends FavoriteRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends FavoriteRepositoryContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
