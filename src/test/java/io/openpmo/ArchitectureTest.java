package io.openpmo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The package structure that docs/architecture.md describes, frozen: no cycles between packages, dependencies
 * only downwards through the layers, the engine's internals only behind the engine seam and in security, and one
 * delegate style.
 * Plain JUnit (no Spring, no engine); archunit.properties keeps the import to our classes.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.openpmo");

  /** Read-side packages: they read what the features wrote; no feature depends on them. */
  static final String[] READ_SIDE = {"io.openpmo.portfolio..", "io.openpmo.report..", "io.openpmo.boardpack.."};

  /**
   * Closure ends a project across the features: it withdraws open change requests, checks gate conditions, settles
   * the risk register and takes the final figures from the status reports. The one package above the features.
   */
  static final String[] CLOSURE = {"io.openpmo.closure.."};

  /**
   * Feature packages: one process (or one capability) each, with its REST API, services, delegates, mappers. They
   * use the domain and the platform, never one another ({@link #featuresDoNotUseOneAnother()}).
   */
  static final String[] FEATURES = {"io.openpmo.intake..", "io.openpmo.lifecycle..", "io.openpmo.gate..",
      "io.openpmo.status..", "io.openpmo.change..", "io.openpmo.planning..", "io.openpmo.modelchange..",
      "io.openpmo.deputy.."};

  /**
   * What every feature shares: the project and its state machine, its baselines (the plan in force), people and
   * capacity, objectives, reviews and approval routes.
   */
  static final String[] DOMAIN = {"io.openpmo.project..", "io.openpmo.baseline..", "io.openpmo.resource..",
      "io.openpmo.strategy..", "io.openpmo.review.."};

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
        .layer("Closure").definedBy(CLOSURE)
        .layer("Features").definedBy(FEATURES)
        .layer("Domain").definedBy(DOMAIN)
        .layer("Platform").definedBy(PLATFORM)
        .layer("EngineSeam").definedBy("io.openpmo.engine..")
        .layer("Core").definedBy("io.openpmo.core..")
        .whereLayer("Demo").mayNotBeAccessedByAnyLayer()
        .whereLayer("ReadSide").mayOnlyBeAccessedByLayers("Demo")
        .whereLayer("Closure").mayOnlyBeAccessedByLayers("ReadSide", "Demo")
        .whereLayer("Features").mayOnlyBeAccessedByLayers("Closure", "ReadSide", "Demo")
        .whereLayer("Domain").mayOnlyBeAccessedByLayers("Features", "Closure", "ReadSide", "Demo")
        .whereLayer("Platform").mayOnlyBeAccessedByLayers("Domain", "Features", "Closure", "ReadSide", "Demo")
        .whereLayer("EngineSeam").mayOnlyBeAccessedByLayers("Platform", "Demo")
        .whereLayer("Core").mayOnlyBeAccessedByLayers("EngineSeam", "Platform", "Domain", "Features", "Closure",
            "ReadSide", "Demo");
    rule.check(CLASSES);
  }

  @Test
  void featuresDoNotUseOneAnother() {
    for (String feature : FEATURES) {
      String[] others = java.util.Arrays.stream(FEATURES).filter(other -> !other.equals(feature))
          .toArray(String[]::new);
      noClasses().that().resideInAPackage(feature).should().dependOnClassesThat().resideInAnyPackage(others)
          .because("a feature uses the domain and the platform; what two features share belongs in the domain"
              + " (docs/architecture.md)")
          .check(CLASSES);
    }
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

  @Test
  void everyDelegateIsAComponentClassNamedLikeItsBean() {
    ArchRule rule = classes().that(implementDirectly(JavaDelegate.class))
        .should(beAComponentNamedAfterTheClass())
        .andShould().notBePublic()
        .because("one delegate style: a package-private @Component(\"xDelegate\") class, its bean name the class "
            + "name (models reference it as ${xDelegate}; docs/architecture.md, Conventions)");
    rule.check(CLASSES);
  }

  @Test
  void noDelegateIsABeanMethod() {
    ArchRule rule = noMethods().that().areAnnotatedWith(Bean.class)
        .should().haveRawReturnType(JavaDelegate.class)
        .because("a delegate is a @Component class, not a lambda returned by a configuration class");
    rule.check(CLASSES);
  }

  /** By name: the import stops at our classes (archunit.properties), the engine's interfaces are known by name. */
  private static DescribedPredicate<JavaClass> implementDirectly(Class<?> type) {
    return DescribedPredicate.describe("implement " + type.getName(), javaClass -> !javaClass.isInterface()
        && javaClass.getRawInterfaces().stream().anyMatch(i -> i.getName().equals(type.getName())));
  }

  private static ArchCondition<JavaClass> beAComponentNamedAfterTheClass() {
    return new ArchCondition<>("be annotated @Component(\"<class name, first letter lower case>\")") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        String expected = Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
        String name = type.tryGetAnnotationOfType(Component.class).map(Component::value).orElse(null);
        if (!expected.equals(name) || !expected.endsWith("Delegate")) {
          events.add(SimpleConditionEvent.violated(type, type.getName() + " is "
              + (name == null ? "not a @Component" : "@Component(\"" + name + "\")") + ", expected @Component(\""
              + expected + "\") with a name ending in Delegate"));
        }
      }
    };
  }
}
