package io.openpmo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package structure that docs/architecture.md describes, frozen: no cycles between packages, dependencies
 * only downwards through the layers, and the engine's internals only behind the engine seam and in security.
 * Plain JUnit (no Spring, no engine); archunit.properties keeps the import to our classes.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.openpmo");

  /** Read-side packages: they read what the features wrote; no feature depends on them. */
  static final String[] READ_SIDE = {"io.openpmo.portfolio..", "io.openpmo.report..", "io.openpmo.boardpack.."};

  /** Feature packages: one process (or one capability) each, with its REST API, services, delegates, mappers. */
  static final String[] FEATURES = {"io.openpmo.intake..", "io.openpmo.lifecycle..", "io.openpmo.gate..",
      "io.openpmo.status..", "io.openpmo.change..", "io.openpmo.closure..", "io.openpmo.planning..",
      "io.openpmo.modelchange..", "io.openpmo.deputy.."};

  /** What every feature shares: the project and its state machine, people and capacity, objectives, reviews. */
  static final String[] DOMAIN = {"io.openpmo.project..", "io.openpmo.resource..", "io.openpmo.strategy..",
      "io.openpmo.review.."};

  /** Cross-cutting services: audit trail, security, task records, mail, operations. */
  static final String[] PLATFORM = {"io.openpmo.audit..", "io.openpmo.security..", "io.openpmo.task..",
      "io.openpmo.notify..", "io.openpmo.operations..", "io.openpmo.webapp.."};

  @Test
  void packagesHaveNoCycles() {
    ArchRule rule = slices().matching("io.openpmo.(*)..").should().beFreeOfCycles();
    rule.check(CLASSES);
  }

  @Test
  void dependenciesPointDownwardsThroughTheLayers() {
    ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Demo").definedBy("io.openpmo.demo..")
        .layer("ReadSide").definedBy(READ_SIDE)
        .layer("Features").definedBy(FEATURES)
        .layer("Domain").definedBy(DOMAIN)
        .layer("Platform").definedBy(PLATFORM)
        .layer("EngineSeam").definedBy("io.openpmo.engine..")
        .layer("Core").definedBy("io.openpmo.core..")
        .whereLayer("Demo").mayNotBeAccessedByAnyLayer()
        .whereLayer("ReadSide").mayOnlyBeAccessedByLayers("Demo")
        .whereLayer("Features").mayOnlyBeAccessedByLayers("ReadSide", "Demo")
        .whereLayer("Domain").mayOnlyBeAccessedByLayers("Features", "ReadSide", "Demo")
        .whereLayer("Platform").mayOnlyBeAccessedByLayers("Domain", "Features", "ReadSide", "Demo")
        .whereLayer("EngineSeam").mayOnlyBeAccessedByLayers("Platform", "Demo")
        .whereLayer("Core").mayOnlyBeAccessedByLayers("EngineSeam", "Platform", "Domain", "Features", "ReadSide",
            "Demo");
    rule.check(CLASSES);
  }

  @Test
  void engineInternalsOnlyInTheEngineSeamAndSecurity() {
    ArchRule rule = noClasses().that().resideOutsideOfPackages("io.openpmo.engine..", "io.openpmo.security..",
            "io.openpmo.oidc..")
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm.engine.impl..")
        .because("a move to Operaton (org.camunda -> org.operaton) must stay mechanical: engine internals are "
            + "touched only in the engine seam and the security classes, the identity provider of the oidc profile "
            + "included (docs/architecture.md)");
    rule.check(CLASSES);
  }
}
