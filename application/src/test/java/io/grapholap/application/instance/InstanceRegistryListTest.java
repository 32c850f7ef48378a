package io.grapholap.application.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.application.security.Actor;
import io.grapholap.domain.user.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What UDF code sees as session.instances(): the caller's running instances, all of them for ops. */
class InstanceRegistryListTest {

    @Test
    void listsOwnRunningInstancesAndAllForOps() {
        InstanceRegistry registry = new InstanceRegistry(new InMemoryInstances(), Clock.systemUTC());
        for (long id = 3; id >= 1; id--) {
            registry.put(new LiveInstance(id, id == 2 ? "bob" : "alice", "cpu", new FakeEngine.FakeGraph("cpu", 1, Path.of("x"))));
        }
        Actor alice = new Actor("alice", Set.of(Role.ANALYST), Set.of());
        Actor ops = new Actor("olga", Set.of(Role.OPS), Set.of());
        assertThat(registry.list(alice, 10)).extracting(LiveInstance::id).containsExactly(1L, 3L);
        assertThat(registry.list(ops, 10)).extracting(LiveInstance::id).containsExactly(1L, 2L, 3L);
        assertThat(registry.list(ops, 2)).extracting(LiveInstance::id).containsExactly(1L, 2L);
        registry.release(1);
        assertThat(registry.list(alice, 10)).extracting(LiveInstance::id).containsExactly(3L);
    }
}
