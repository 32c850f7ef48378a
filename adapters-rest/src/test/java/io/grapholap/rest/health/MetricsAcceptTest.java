package io.grapholap.rest.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON metrics only for clients that ask for JSON before text: scrapers keep the Prometheus text. */
class MetricsAcceptTest {

    @Test
    void jsonOnlyWhenAskedForBeforeText() {
        assertThat(MetricsController.wantsJson("application/json")).isTrue();
        assertThat(MetricsController.wantsJson("application/json, text/plain;q=0.5")).isTrue();
        assertThat(MetricsController.wantsJson(null)).isFalse();
        assertThat(MetricsController.wantsJson("*/*")).isFalse();
        assertThat(MetricsController.wantsJson("text/plain;version=0.0.4")).isFalse();
        assertThat(MetricsController.wantsJson("text/plain, application/json")).isFalse();
        assertThat(MetricsController.wantsJson("application/openmetrics-text; version=1.0.0,text/plain;q=0.5")).isFalse();
    }
}
