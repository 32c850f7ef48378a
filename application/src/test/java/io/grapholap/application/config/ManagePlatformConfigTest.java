package io.grapholap.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.error.PermissionDeniedException;
import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.user.Role;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The config use case: ops role to change, checks naming the field, partial updates keep the rest. */
class ManagePlatformConfigTest {

    private static final Actor OPS = new Actor("olga", Set.of(Role.OPS), Set.of());
    private static final Actor ANALYST = new Actor("sam", Set.of(Role.ANALYST), Set.of());

    private final ManagePlatformConfig config = new ManagePlatformConfig(new InMemoryPlatformConfig());

    private static void field(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void analystsReadButMayNotChange() {
        assertThat(config.concurrency()).isEqualTo(InMemoryPlatformConfig.DEFAULT_CONCURRENCY);
        assertThatThrownBy(() -> config.updateConcurrency(ANALYST, 1, null)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> config.updateMaintenance(ANALYST, true, "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> config.updateExport(ANALYST, 10L)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> config.updateLifecycle(ANALYST, null, null, null)).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void lifecycleChangesOnlyTheKindsGivenAndChecksEachField() {
        LifecycleConfig before = config.lifecycle();
        LifecycleConfig after = config.updateLifecycle(OPS, null, null,
                new ManagePlatformConfig.ResourceLifecycleInput("PT2H", null, "P1D"));
        assertThat(after.mapping()).isEqualTo(before.mapping());
        assertThat(after.snapshot()).isEqualTo(before.snapshot());
        assertThat(after.instance()).isEqualTo(new LifecycleConfig.ResourceLifecycle(Duration.ofHours(2), null, Duration.ofDays(1)));

        field(() -> config.updateLifecycle(OPS, null, new ManagePlatformConfig.ResourceLifecycleInput("2 hours", null, null), null),
                "snapshot.default_ttl");
        field(() -> config.updateLifecycle(OPS, new ManagePlatformConfig.ResourceLifecycleInput(null, "-PT1H", null), null, null),
                "mapping.default_inactivity");
        field(() -> config.updateLifecycle(OPS, null, null, new ManagePlatformConfig.ResourceLifecycleInput("P2D", null, "P1D")),
                "instance.default_ttl");
        field(() -> config.updateLifecycle(OPS, null, null, null), "body");
    }

    @Test
    void concurrencyIsPartialBoundedAndConsistent() {
        assertThat(config.updateConcurrency(OPS, 3, null)).isEqualTo(new ConcurrencyConfig(3, 20));
        assertThat(config.updateConcurrency(OPS, null, 40)).isEqualTo(new ConcurrencyConfig(3, 40));
        field(() -> config.updateConcurrency(OPS, 0, null), "per_analyst");
        field(() -> config.updateConcurrency(OPS, null, 10_001), "cluster_total");
        field(() -> config.updateConcurrency(OPS, 50, null), "per_analyst");
        field(() -> config.updateConcurrency(OPS, null, 2), "cluster_total");
        field(() -> config.updateConcurrency(OPS, null, null), "body");
    }

    @Test
    void maintenanceAndExportAreChecked() {
        MaintenanceMode on = config.updateMaintenance(OPS, true, "  back at 18:00 ");
        assertThat(on.enabled()).isTrue();
        assertThat(on.message()).isEqualTo("back at 18:00");
        field(() -> config.updateMaintenance(OPS, null, "x"), "enabled");
        field(() -> config.updateMaintenance(OPS, true, "x".repeat(501)), "message");
        assertThat(config.updateExport(OPS, 120L).maxDurationSeconds()).isEqualTo(120);
        field(() -> config.updateExport(OPS, 0L), "max_duration_seconds");
        field(() -> config.updateExport(OPS, null), "max_duration_seconds");
        field(() -> config.updateExport(OPS, 8L * 24 * 3600), "max_duration_seconds");
    }
}
