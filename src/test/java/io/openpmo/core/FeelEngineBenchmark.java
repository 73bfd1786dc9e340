package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On demand ({@code ./mvnw -Pbench verify -Dtest=FeelEngineBenchmark}): one evaluation of {@code projectRisk} (with
 * the {@code riskPoints} table it requires) by Camunda's FEEL engine and by {@link CachingFeelEngine}, in one JVM,
 * after a warm-up. Prints the milliseconds per evaluation; asserts only that both decide the same.
 */
@Tag("bench")
class FeelEngineBenchmark {

  static final int EVALUATIONS = Integer.getInteger("bench.iterations", 2000);

  @Test
  void projectRiskWithCamundasFeelEngineAndWithTheCachingOne() throws IOException {
    DmnEngine camunda = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .buildEngine();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> new CachingFeelEngine(List.of()));
    DmnEngine caching = configuration.buildEngine();
    Map<String, Object> request = Map.of("budget", 1_500_000.0, "complexity", "MEDIUM", "dataClassification",
        "CONFIDENTIAL", "personalData", true, "thirdParty", "ICT_SERVICE", "criticalFunction", false,
        "newTechnology", false, "durationMonths", 12);
    double camundaMillis = millisPerEvaluation(camunda, request);
    double cachingMillis = millisPerEvaluation(caching, request);
    System.out.printf(Locale.ROOT, "projectRisk: Camunda's FEEL engine %.3f ms, CachingFeelEngine %.3f ms per"
        + " evaluation (%d evaluations after as many of warm-up)%n", camundaMillis, cachingMillis, EVALUATIONS);
    assertThat(caching.evaluateDecision(decision(caching), Variables.fromMap(request)).getResultList())
        .isEqualTo(camunda.evaluateDecision(decision(camunda), Variables.fromMap(request)).getResultList());
  }

  private static double millisPerEvaluation(DmnEngine engine, Map<String, Object> request) throws IOException {
    DmnDecision decision = decision(engine);
    for (int i = 0; i < EVALUATIONS; i++) {
      engine.evaluateDecision(decision, Variables.fromMap(request));
    }
    long start = System.nanoTime();
    for (int i = 0; i < EVALUATIONS; i++) {
      engine.evaluateDecision(decision, Variables.fromMap(request));
    }
    return (System.nanoTime() - start) / 1e6 / EVALUATIONS;
  }

  private static DmnDecision decision(DmnEngine engine) throws IOException {
    try (InputStream model = new FileInputStream("dmn/project-risk.dmn")) {
      return engine.parseDecision("projectRisk", model);
    }
  }
}
