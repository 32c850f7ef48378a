package io.grapholap.application.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapholap.domain.error.UnavailableException;
import io.grapholap.domain.error.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engines chosen by their own names, whatever they are called; {@code auto} prefers an available accelerator. */
class EngineChoiceTest {

    private final FakeEngine host = new FakeEngine("host");
    private final FakeEngine accel = new FakeEngine("accel", 2);
    private final FakeEngine other = new FakeEngine("other");

    @Test
    void aNamedEngineIsChosenAndNullMeansTheDefault() {
        EngineChoice choice = new EngineChoice(Map.of("host", host, "accel", accel), "host");
        assertThat(choice.names()).containsExactly("accel", "host");
        assertThat(choice.choose(null).engine()).isSameAs(host);
        assertThat(choice.choose(" ACCEL ").name()).isEqualTo("accel");
    }

    @Test
    void aNameWithoutAnEngineIsRefusedNamingTheEnginesHere() {
        EngineChoice choice = new EngineChoice(Map.of("host", host), "host");
        assertThatThrownBy(() -> choice.choose("accel")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("host, auto");
        assertThatThrownBy(() -> new EngineChoice(Map.of("host", host), "accel")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnavailableEngineIsRefusedWithItsReason() {
        accel.available = false;
        EngineChoice choice = new EngineChoice(Map.of("accel", accel), "accel");
        assertThatThrownBy(() -> choice.choose(null)).isInstanceOf(UnavailableException.class).hasMessageContaining("no device");
    }

    @Test
    void autoTakesAnAvailableAcceleratorThenTheDefaultThenAnyAvailableEngine() {
        EngineChoice choice = new EngineChoice(Map.of("host", host, "accel", accel, "other", other), "other");
        assertThat(choice.choose("auto").name()).isEqualTo("accel");
        accel.available = false;
        assertThat(choice.choose("auto").name()).isEqualTo("other");
        other.available = false;
        assertThat(choice.choose("auto").name()).isEqualTo("host");
        host.available = false;
        assertThatThrownBy(() -> choice.choose("auto")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("the other engine cannot be used");
    }
}
