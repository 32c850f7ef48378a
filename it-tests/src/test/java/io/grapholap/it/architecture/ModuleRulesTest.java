package io.grapholap.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which module may depend on which, checked on the compiled production classes of every module. The
 * rules of the inner layers themselves (domain, application) are in {@link LayerRulesTest}.
 */
class ModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.grapholap");
        Assertions.assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .as("production classes of every module are on the class path")
                .anyMatch(p -> p.startsWith("io.grapholap.domain"))
                .anyMatch(p -> p.startsWith("io.grapholap.application"))
                .anyMatch(p -> p.startsWith("io.grapholap.rest"))
                .anyMatch(p -> p.startsWith("io.grapholap.persistence"));
    }

    @Test
    void applicationDoesNotReachIntoAdaptersOrEngines() {
        noClasses().that().resideInAnyPackage("io.grapholap.domain..", "io.grapholap.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.grapholap.rest..", "io.grapholap.persistence..", "io.grapholap.polyglot..",
                        "io.grapholap.engine..", "io.grapholap.snapshot..", "io.grapholap.graph..",
                        "io.grapholap.gremlin..", "io.grapholap.bench..")
                .check(classes);
    }

    @Test
    void adaptersNeverImportEachOther() {
        noClasses().that().resideInAPackage("io.grapholap.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grapholap.persistence..", "io.grapholap.polyglot..")
                .check(classes);
        noClasses().that().resideInAPackage("io.grapholap.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grapholap.rest..", "io.grapholap.polyglot..")
                .check(classes);
        noClasses().that().resideInAPackage("io.grapholap.polyglot..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grapholap.rest..", "io.grapholap.persistence..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void enginesNeverImportAdapters() {
        noClasses().that().resideInAPackage("io.grapholap.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.grapholap.rest..", "io.grapholap.persistence..", "io.grapholap.polyglot..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void adaptersDoNotReachIntoEngineInternals() {
        noClasses().that().resideInAnyPackage("io.grapholap.rest..", "io.grapholap.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grapholap.engine..", "io.grapholap.graph..",
                        "io.grapholap.gremlin..")
                .because("adapters use engines only through the GraphEngine port")
                .check(classes);
    }
}
