package io.procnet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The arrows of the design (Procnet's architecture document, section Modules), held on the compiled
 * main classes of every module: each module is its packages, and its {@code internal} packages are
 * its own.
 */
class ArchitectureTest {
    /** A module of the reactor: its packages, and those of them that are internal. */
    record Module(String name, List<String> packages, List<String> internal) {
        String[] all() {
            return packages.toArray(String[]::new);
        }
    }

    private static final Module CORE = new Module("procnet-core",
            List.of("io.procnet", "io.procnet.model..", "io.procnet.spi..", "io.procnet.graph..", "io.procnet.export..",
                    "io.procnet.internal.."),
            List.of("io.procnet.internal.."));
    private static final Module RULES = new Module("procnet-rules", List.of("io.procnet.rules.."),
            List.of("io.procnet.rules.internal.."));
    private static final Module POSIX = new Module("procnet-collect-posix", List.of("io.procnet.collect.posix.."),
            List.of("io.procnet.collect.posix.internal.."));
    private static final Module WINDOWS = new Module("procnet-collect-windows", List.of("io.procnet.collect.windows.."),
            List.of("io.procnet.collect.windows.internal.."));
    private static final Module SERVER = new Module("procnet-server", List.of("io.procnet.server.."),
            List.of("io.procnet.server.internal.."));
    private static final Module CLI = new Module("procnet-cli", List.of("io.procnet.cli.."),
            List.of("io.procnet.cli.internal.."));
    private static final List<Module> MODULES = List.of(CORE, RULES, POSIX, WINDOWS, SERVER, CLI);

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.procnet");
    }

    @Test
    void everyModuleThatHasLandedIsImported() {
        for (Module module : MODULES) {
            assertThat(classes.that(com.tngtech.archunit.base.DescribedPredicate.describe(module.name(),
                    type -> type.getPackageName().startsWith(module.internal().get(0).replace("..", "")))))
                    .as(module.name()).isNotEmpty();
        }
    }

    @Test
    void coreDependsOnTheJdkOnly() {
        classes().that().resideInAnyPackage(CORE.all())
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        Stream.concat(Stream.of("java.."), CORE.packages().stream()).toArray(String[]::new))
                .because("procnet-core has no third-party runtime dependency, so embedding it costs nothing")
                .check(classes);
    }

    @Test
    void theExportsRenderWhatTheApiHandsOut() {
        noClasses().that().resideInAPackage("io.procnet.export..")
                .should().dependOnClassesThat().resideInAPackage("io.procnet.internal..")
                .because("a rendering of a graph reads only what any caller of the API could read")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackages(CLI.all())
                .should().dependOnClassesThat().resideInAnyPackage(CLI.all())
                .because("the CLI is wiring; logic a second caller could want lives in the other modules")
                .check(classes);
    }

    @Test
    void theServerDependsOnCoreOnlyAmongTheModules() {
        noClasses().that().resideInAnyPackage(SERVER.all())
                .should().dependOnClassesThat().resideInAnyPackage(
                        Stream.of(RULES, POSIX, WINDOWS, CLI).flatMap(module -> module.packages().stream())
                                .toArray(String[]::new))
                .because("the server takes a NodeClassifier and a snapshot source, not rules or collectors")
                .check(classes);
    }

    @Test
    void rulesAndCollectorsDependOnCoreAndNotOnEachOther() {
        for (Module module : List.of(RULES, POSIX, WINDOWS)) {
            noClasses().that().resideInAnyPackage(module.all())
                    .should().dependOnClassesThat().resideInAnyPackage(MODULES.stream()
                            .filter(other -> other != module && other != CORE)
                            .flatMap(other -> other.packages().stream()).toArray(String[]::new))
                    .because(module.name() + " depends on procnet-core only among the modules")
                    .check(classes);
        }
    }

    @Test
    void theTestKitIsForTestsOnly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.procnet.testkit..")
                .because("procnet-testkit is a test-scoped dependency: main code never sees it")
                .check(classes);
    }

    static Stream<Module> modules() {
        return MODULES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void internalPackagesAreTheirModulesOwn(Module module) {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(module.all())
                .should().dependOnClassesThat().resideInAnyPackage(module.internal().toArray(String[]::new))
                .because(module.name() + "'s internal packages are not exported")
                .allowEmptyShould(true);
        rule.check(classes);
    }
}
