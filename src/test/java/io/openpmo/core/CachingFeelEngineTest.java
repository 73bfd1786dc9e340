package io.openpmo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * {@link CachingFeelEngine} decides exactly as Camunda's own FEEL engine: every decision table of {@code dmn/} on a
 * hundred and fifty generated inputs each (boundaries, nulls and wrong types among them) gives the same results, or fails
 * with the same message, on both engines.
 */
class CachingFeelEngineTest {

  static final DmnEngine CAMUNDA = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
      .createDefaultDmnEngineConfiguration()).buildEngine();
  static final DmnEngine CACHING = caching();

  static DmnEngine caching() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(() -> new CachingFeelEngine(List.of()));
    return configuration.buildEngine();
  }

  @Test
  void decidesEveryTableAsCamundasFeelEngineDoes() throws IOException {
    Random random = new Random(42);
    int compared = 0;
    int failures = 0;
    for (Path file : dmnFiles()) {
      List<DmnDecision> camunda = parse(CAMUNDA, file);
      List<DmnDecision> caching = parse(CACHING, file);
      for (int d = 0; d < camunda.size(); d++) {
        for (int i = 0; i < 150; i++) {
          Map<String, Object> inputs = inputs(random);
          Object expected;
          Object actual;
          try {
            expected = CAMUNDA.evaluateDecision(camunda.get(d), Variables.fromMap(inputs)).getResultList();
          } catch (RuntimeException e) {
            expected = e.getClass().getName() + ": " + e.getMessage();
            failures++;
          }
          try {
            actual = CACHING.evaluateDecision(caching.get(d), Variables.fromMap(inputs)).getResultList();
          } catch (RuntimeException e) {
            actual = e.getClass().getName() + ": " + e.getMessage();
          }
          assertThat(actual).as("%s %s with %s", file.getFileName(), camunda.get(d).getKey(), inputs)
              .isEqualTo(expected);
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
    assertThat(failures).as("some generated inputs are invalid, and fail alike").isPositive();
  }

  @Test
  void aBadExpressionFailsAsInCamundasEngine() {
    CachingFeelEngine engine = new CachingFeelEngine(List.of());
    assertThatThrownBy(() -> engine.evaluateSimpleExpression("budget >", Variables.createVariables().asVariableContext()))
        .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse expression 'budget >'");
    assertThat(engine.<Object>evaluateSimpleExpression("3 * x", Variables.createVariables().putValue("x", 2)
        .asVariableContext())).isIn(6L, 6, java.math.BigDecimal.valueOf(6));
    assertThat(engine.evaluateSimpleUnaryTests("[1..5]", "cellInput", Variables.createVariables()
        .putValue("cellInput", 5).asVariableContext())).isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("[1..5]", "cellInput", Variables.createVariables()
        .putValue("cellInput", 6).asVariableContext())).isFalse();
  }

  private static List<Path> dmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("dmn"))) {
      return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
    }
  }

  private static List<DmnDecision> parse(DmnEngine engine, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new ArrayList<>(engine.parseDecisions(in));
    }
  }

  /** Every input any table reads, with boundary values, sometimes null, sometimes of the wrong type. */
  private static Map<String, Object> inputs(Random random) {
    Map<String, Object> inputs = new HashMap<>();
    double[] amounts = {0, 49_999, 50_000, 100_000, 249_999, 250_000, 500_000, 1_999_999, 2_000_000, 9_999_999,
        10_000_000, 25_000_000};
    inputs.put("budget", amounts[random.nextInt(amounts.length)]);
    inputs.put("currentBudget", amounts[random.nextInt(amounts.length)]);
    inputs.put("costDelta", (random.nextBoolean() ? 1 : -1) * amounts[random.nextInt(amounts.length)] / 10);
    inputs.put("expectedAnnualBenefit", amounts[random.nextInt(amounts.length)] / 3);
    inputs.put("complexity", pick(random, "LOW", "MEDIUM", "HIGH"));
    inputs.put("dataClassification", pick(random, "PUBLIC", "INTERNAL", "CONFIDENTIAL", "STRICTLY_CONFIDENTIAL"));
    inputs.put("projectType", pick(random, "REGULATORY", "STRATEGIC", "INNOVATION", "RUN"));
    inputs.put("thirdParty", pick(random, "NONE", "ICT_SERVICE", "CRITICAL_OUTSOURCING"));
    inputs.put("riskTier", pick(random, "LOW", "MEDIUM", "HIGH", "CRITICAL"));
    inputs.put("gate", pick(random, "G0", "G1", "G2", "G3", "GX"));
    inputs.put("changeClass", pick(random, "MINOR", "MAJOR", "CRITICAL"));
    for (String flag : List.of("criticalFunction", "newTechnology", "personalData", "regulatoryDeadlineMissed",
        "regulatoryImpact", "scopeChange")) {
      inputs.put(flag, random.nextBoolean());
    }
    inputs.put("delayDays", random.nextInt(90));
    inputs.put("durationMonths", 1 + random.nextInt(36));
    inputs.put("openCriticalIssues", random.nextInt(3));
    inputs.put("openHighRisks", random.nextInt(4));
    inputs.put("strategicAlignment", 1 + random.nextInt(5));
    inputs.put("priorityScore", random.nextInt(101));
    inputs.put("riskScore", random.nextInt(101));
    inputs.put("monthsToRegulatoryDeadline", random.nextInt(4) == 0 ? null : random.nextInt(25));
    inputs.put("cpi", 0.7 + random.nextInt(50) / 100.0);
    inputs.put("spi", 0.7 + random.nextInt(50) / 100.0);
    if (random.nextInt(10) == 0) {   // now and then a missing or mistyped input
      List<String> names = new ArrayList<>(inputs.keySet());
      String name = names.get(random.nextInt(names.size()));
      inputs.put(name, random.nextBoolean() ? null : "not a " + name);
    }
    return inputs;
  }

  private static String pick(Random random, String... values) {
    return values[random.nextInt(values.length)];
  }
}
