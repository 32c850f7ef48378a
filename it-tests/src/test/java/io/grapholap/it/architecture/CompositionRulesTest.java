package io.grapholap.it.architecture;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.context.annotation.Factory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composition root is the {@code server} module: it alone builds use cases in {@code @Factory}
 * classes and creates thread pools. The REST adapter holds controllers, filters, web models and
 * error mapping; it may have factories of its own adapters (output encoders), never of use cases.
 */
class CompositionRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.grapholap");
        assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .as("production classes of the REST adapter and the server are on the class path")
                .anyMatch(p -> p.startsWith("io.grapholap.rest"))
                .anyMatch(p -> p.startsWith("io.grapholap.server"));
    }

    private static ArchRule noUseCaseFactoriesIn(String packages) {
        return noClasses().that().resideInAPackage(packages).and().areAnnotatedWith(Factory.class)
                .should().callConstructorWhere(target(owner(resideInAPackage("io.grapholap.application.."))))
                .because("use cases are wired in the server module, the one composition root");
    }

    private static ArchRule noExecutorsCreatedIn(String... packages) {
        DescribedPredicate<JavaAccess<?>> createsExecutor = target(owner(assignableTo(Executors.class)))
                .or(target(owner(assignableTo(ExecutorService.class))).and(target(name("<init>"))))
                .or(target(owner(assignableTo(Thread.Builder.class))).and(target(name("factory"))))
                .as("creates an executor (Executors.*, a new ExecutorService, a Thread.Builder factory)");
        return noClasses().that().resideInAnyPackage(packages)
                .should().accessTargetWhere(createsExecutor)
                .because("thread pools are declared, bounded, named and shut down in the server module");
    }

    @Test
    void theRestAdapterBuildsNoUseCases() {
        noUseCaseFactoriesIn("io.grapholap.rest..").check(classes);
    }

    @Test
    void theRestAdapterAndTheUseCasesCreateNoExecutor() {
        noExecutorsCreatedIn("io.grapholap.rest..", "io.grapholap.application..").check(classes);
    }

    @Test
    void theRulesSeeTheCompositionRootForWhatItIs() {
        assertThatThrownBy(() -> noUseCaseFactoriesIn("io.grapholap.server..").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("InstanceUseCasesFactory");
        assertThatThrownBy(() -> noExecutorsCreatedIn("io.grapholap.server..").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ServerExecutors");
    }
}
