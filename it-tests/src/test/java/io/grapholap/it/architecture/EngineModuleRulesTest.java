package io.grapholap.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engines are modules a deployment may leave out: no engine uses another, and the shared engine
 * modules (snapshot format, snapshot store on S3, host graph, Gremlin provider) use no engine and no adapter; only
 * the S3 snapshot store uses the AWS SDK
 * ({@link ModuleRulesTest} keeps engines off the adapters). Main
 * classes only: an engine's tests may compare its results with another engine's.
 */
class EngineModuleRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.grapholap");
    }

    @Test
    void noEngineImportsAnotherEngine() {
        slices().matching("io.grapholap.engine.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void sharedEngineModulesImportNoAdapter() {
        noClasses().that().resideInAnyPackage("io.grapholap.snapshot..", "io.grapholap.graph..", "io.grapholap.gremlin..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grapholap.rest..", "io.grapholap.persistence..",
                        "io.grapholap.polyglot..", "io.grapholap.server..")
                .check(classes);
    }

    @Test
    void sharedEngineModulesImportNoEngine() {
        noClasses().that().resideInAnyPackage("io.grapholap.snapshot..", "io.grapholap.graph..", "io.grapholap.gremlin..")
                .should().dependOnClassesThat().resideInAPackage("io.grapholap.engine..")
                .check(classes);
    }

    @Test
    void onlyTheS3SnapshotStoreTalksToTheAwsSdk() {
        noClasses().that().resideOutsideOfPackage("io.grapholap.snapshot.s3..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon..")
                .because("the object store is reached through the SnapshotStore port; snapshot-s3 is its one client")
                .check(classes);
    }

    @Test
    void theSparkEngineUsesNoSparkClassAndNoOtherEngine() {
        noClasses().that().resideInAPackage("io.grapholap.engine.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..",
                        "io.grapholap.engine.cpu..", "io.grapholap.engine.gpu..")
                .because("Spark runs in the driver JVM the engine starts, never in the server's")
                .check(classes);
    }

    @Test
    void noSparkClassIsOnTheServersClassPath() {
        // this class path holds the server and every engine module it ships
        assertThat(getClass().getClassLoader().getResource("org/apache/spark/SparkContext.class")).isNull();
        assertThat(getClass().getClassLoader().getResource("io/grapholap/engine/spark/job/GraphDriver.class")).isNull();
    }

    @Test
    void theRulesSeeTheEngines() {
        // guards the rules above against passing vacuously on an empty import
        assertThat(classes.contain("io.grapholap.engine.cpu.CpuGraphEngine")).isTrue();
        assertThat(classes.contain("io.grapholap.engine.gpu.GpuGraphEngine")).isTrue();
        assertThat(classes.contain("io.grapholap.engine.spark.SparkGraphEngine")).isTrue();
        assertThat(classes.contain("io.grapholap.graph.csr.CsrGraph")).isTrue();
        assertThat(classes.contain("io.grapholap.snapshot.s3.S3SnapshotStore")).isTrue();
    }
}
