package io.grapholap.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.domain.mapping.Lifecycle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstanceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Instance instance(InstanceStatus status, Instant expiresAt, Instant lastActivity, Duration inactivity) {
        return new Instance(1, 2L, null, null, "i", null, "alice", status, "cpu", 2, 0, null,
                new Lifecycle(null, inactivity), expiresAt, lastActivity, T0, T0, null);
    }

    @Test
    void statusesMoveOnlyAlongTheLifecycle() {
        assertThat(InstanceStatus.WAITING_FOR_SNAPSHOT.canMoveTo(InstanceStatus.STARTING)).isTrue();
        assertThat(InstanceStatus.WAITING_FOR_SNAPSHOT.canMoveTo(InstanceStatus.RUNNING)).isFalse();
        assertThat(InstanceStatus.STARTING.canMoveTo(InstanceStatus.RUNNING)).isTrue();
        assertThat(InstanceStatus.RUNNING.canMoveTo(InstanceStatus.STARTING)).as("reload after restart").isTrue();
        assertThat(InstanceStatus.RUNNING.canMoveTo(InstanceStatus.TERMINATED)).as("through stopping").isFalse();
        assertThat(InstanceStatus.STOPPING.canMoveTo(InstanceStatus.TERMINATED)).isTrue();
        for (InstanceStatus next : InstanceStatus.values()) {
            assertThat(InstanceStatus.TERMINATED.canMoveTo(next)).isFalse();
            assertThat(InstanceStatus.FAILED.canMoveTo(next)).isFalse();
        }
        assertThat(InstanceStatus.LIVE).containsExactlyInAnyOrder(InstanceStatus.WAITING_FOR_SNAPSHOT, InstanceStatus.STARTING,
                InstanceStatus.RUNNING, InstanceStatus.STOPPING);
        assertThat(InstanceStatus.parse("status", " Waiting_For_Snapshot ")).isEqualTo(InstanceStatus.WAITING_FOR_SNAPSHOT);
        assertThatThrownBy(() -> InstanceStatus.parse("status", "asleep")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("waiting_for_snapshot");
    }

    @Test
    void expiryAndIdlenessFollowTheLifecycle() {
        Instance i = instance(InstanceStatus.RUNNING, T0.plusSeconds(60), null, Duration.ofSeconds(30));
        assertThat(i.expiredAt(T0.plusSeconds(59))).isFalse();
        assertThat(i.expiredAt(T0.plusSeconds(60))).isTrue();
        assertThat(i.idleAt(T0.plusSeconds(29))).isFalse();
        assertThat(i.idleAt(T0.plusSeconds(30))).as("idle since creation").isTrue();
        Instance used = instance(InstanceStatus.RUNNING, null, T0.plusSeconds(20), Duration.ofSeconds(30));
        assertThat(used.idleAt(T0.plusSeconds(49))).isFalse();
        assertThat(used.idleAt(T0.plusSeconds(50))).isTrue();
        assertThat(used.expiredAt(T0.plus(Duration.ofDays(999)))).isFalse();
        assertThat(instance(InstanceStatus.RUNNING, null, null, null).idleAt(T0.plus(Duration.ofDays(9)))).isFalse();
        assertThatThrownBy(() -> new Instance(1, null, null, null, "i", null, "a", InstanceStatus.RUNNING, "cpu", 1, 0, null,
                null, null, null, T0, T0, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
