package io.grapholap.gremlin.csr;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Stage;
import io.cucumber.guice.CucumberModules;
import org.apache.tinkerpop.gremlin.features.AbstractGuiceFactory;
import org.apache.tinkerpop.gremlin.features.World;

/** Cucumber object factory that hands TinkerPop's step definitions the {@link CsrFeatureWorld}. */
public final class CsrFeatureGuiceFactory extends AbstractGuiceFactory {

    public CsrFeatureGuiceFactory() {
        super(Guice.createInjector(Stage.PRODUCTION, CucumberModules.createScenarioModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(World.class).to(CsrFeatureWorld.class);
            }
        }));
    }
}
