package io.grapholap.rest.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Our start-up phases under seed 001's names, and the phases the seed does not name kept as they are. */
class SeedPhaseTest {

    @Test
    void everyPhaseOfOursHasTheSeedsNameWhereTheSeedHasOne() {
        assertThat(InstanceWebModels.seedPhase("waiting_for_snapshot")).isEqualTo("pod_scheduled");
        assertThat(InstanceWebModels.seedPhase("estimate")).isEqualTo("pod_scheduled");
        assertThat(InstanceWebModels.seedPhase("read_files")).isEqualTo("downloading");
        assertThat(InstanceWebModels.seedPhase("build")).isEqualTo("loading_data");
        assertThat(InstanceWebModels.seedPhase("ready")).isEqualTo("ready");
        assertThat(InstanceWebModels.seedPhase("failed")).isEqualTo("failed");
        assertThat(InstanceWebModels.seedPhase("stopping")).isEqualTo("stopping");
        assertThat(InstanceWebModels.seedPhase("terminated")).isEqualTo("terminated");
    }
}
