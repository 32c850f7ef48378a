package io.grapholap.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.config.ConcurrencyConfig;
import io.grapholap.application.config.ExportConfig;
import io.grapholap.application.config.LifecycleConfig;
import io.grapholap.application.config.MaintenanceMode;
import io.grapholap.application.config.PlatformDefaults;
import io.grapholap.persistence.MetadataDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stored platform settings on both metadata databases: defaults until changed, every section
 * kept across a new reader of the same database (a restart), the maintenance change stamped with
 * who made it.
 */
abstract class PlatformConfigContractTest {

    private static final PlatformDefaults DEFAULTS = new PlatformDefaults(
            new LifecycleConfig(new LifecycleConfig.ResourceLifecycle(null, null, null),
                    new LifecycleConfig.ResourceLifecycle(Duration.ofDays(2), null, null),
                    new LifecycleConfig.ResourceLifecycle(Duration.ofHours(3), Duration.ofHours(1), Duration.ofDays(1))),
            new ConcurrencyConfig(2, 7), new ExportConfig(900));

    private MetadataDatabases.Running db;

    abstract MetadataDatabases database();

    @BeforeEach
    void start() {
        db = database().start();
        db.context().registerSingleton(PlatformDefaults.class, DEFAULTS);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    private JdbcPlatformConfig freshReader() {
        return new JdbcPlatformConfig(db.bean(PlatformConfigRows.class), db.context().getBean(
                io.micronaut.transaction.TransactionOperations.class), DEFAULTS);
    }

    @Test
    void startsFromTheDefaults() {
        JdbcPlatformConfig config = db.bean(JdbcPlatformConfig.class);
        assertThat(config.lifecycle()).isEqualTo(DEFAULTS.lifecycle());
        assertThat(config.concurrency()).isEqualTo(new ConcurrencyConfig(2, 7));
        assertThat(config.export()).isEqualTo(new ExportConfig(900));
        assertThat(config.maintenance().enabled()).isFalse();
    }

    @Test
    void everyChangeIsStoredAndSeenByAnotherReader() {
        JdbcPlatformConfig config = db.bean(JdbcPlatformConfig.class);
        LifecycleConfig lifecycle = new LifecycleConfig(new LifecycleConfig.ResourceLifecycle(Duration.ofDays(1), null, null),
                DEFAULTS.lifecycle().snapshot(),
                new LifecycleConfig.ResourceLifecycle(Duration.ofHours(5), null, Duration.ofDays(3)));
        assertThat(config.updateLifecycle(lifecycle, "olga")).isEqualTo(lifecycle);
        assertThat(config.updateConcurrency(new ConcurrencyConfig(3, 30), "olga")).isEqualTo(new ConcurrencyConfig(3, 30));
        assertThat(config.updateExport(new ExportConfig(60), "olga")).isEqualTo(new ExportConfig(60));
        MaintenanceMode on = config.updateMaintenance(new MaintenanceMode(true, "upgrade at 18:00", "olga", null), "olga");
        assertThat(on.enabled()).isTrue();
        assertThat(on.message()).isEqualTo("upgrade at 18:00");
        assertThat(on.changedBy()).isEqualTo("olga");
        assertThat(on.changedAt()).isNotNull();

        JdbcPlatformConfig other = freshReader();
        assertThat(other.lifecycle()).isEqualTo(lifecycle);
        assertThat(other.concurrency()).isEqualTo(new ConcurrencyConfig(3, 30));
        assertThat(other.export()).isEqualTo(new ExportConfig(60));
        assertThat(other.maintenance()).isEqualTo(on);

        config.updateMaintenance(new MaintenanceMode(false, "", "pavel", null), "pavel");
        assertThat(freshReader().maintenance().enabled()).isFalse();
        assertThat(freshReader().maintenance().changedBy()).isEqualTo("pavel");
    }

    static final class OnH2 extends PlatformConfigContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.H2;
        }
    }

    static final class OnPostgres extends PlatformConfigContractTest {
        @Override
        MetadataDatabases database() {
            return MetadataDatabases.POSTGRES;
        }
    }
}
