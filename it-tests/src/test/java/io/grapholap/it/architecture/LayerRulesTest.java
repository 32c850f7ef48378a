package io.grapholap.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inner layers: the domain is plain Java, the application reaches the world only through its
 * ports (no web framework, JDBC, Arrow, TinkerPop, GraalVM polyglot, JCuda or Jackson), and the
 * application's packages depend on each other without cycles. Checked on the compiled production
 * classes.
 */
class LayerRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.grapholap.domain", "io.grapholap.application");
        Assertions.assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
                .as("the production classes of domain and application are on the class path")
                .anyMatch(p -> p.startsWith("io.grapholap.domain."))
                .anyMatch(p -> p.startsWith("io.grapholap.application.security"))
                .anyMatch(p -> p.startsWith("io.grapholap.application.user"));
    }

    @Test
    void domainDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("io.grapholap.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.grapholap.domain..", "java..")
                .because("the domain is plain Java")
                .check(classes);
    }

    @Test
    void applicationIsFreeOfFrameworksAndInfrastructure() {
        noClasses().that().resideInAPackage("io.grapholap.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "java.sql..", "javax.sql..", "org.graalvm..", "jcuda..",
                        "org.apache.arrow..", "org.apache.tinkerpop..", "com.fasterxml.jackson..", "tools.jackson..",
                        "software.amazon..")
                .because("use cases talk to the world only through their ports")
                .check(classes);
    }

    @Test
    void applicationPackagesHaveNoCycles() {
        slices().matching("io.grapholap.application.(**)").should().beFreeOfCycles()
                .because("a package cycle ties use cases together that should change apart")
                .check(classes);
    }
}
