package io.grapholap.gremlin.csr;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import java.util.ArrayList;
import java.util.List;

/** Cucumber plugin that records every scenario's outcome for {@link GremlinFeatureSuiteTest}. */
public final class FeatureTally implements ConcurrentEventListener {

    /** One finished scenario: feature file, scenario name, status and (for skips and failures) why. */
    record Outcome(String feature, String scenario, Status status, String message) {
    }

    static final List<Outcome> OUTCOMES = new ArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private void finished(TestCaseFinished event) {
        String uri = event.getTestCase().getUri().toString();
        String feature = uri.substring(uri.lastIndexOf('/') + 1);
        Throwable error = event.getResult().getError();
        String message = error == null ? "" : event.getResult().getStatus() == Status.SKIPPED
                ? String.valueOf(error.getMessage()).lines().findFirst().orElse("")
                : abbreviate(error.toString().replaceAll("\\s+", " "));
        synchronized (OUTCOMES) {
            OUTCOMES.add(new Outcome(feature, event.getTestCase().getName(), event.getResult().getStatus(), message));
        }
    }
}
