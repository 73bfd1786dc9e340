package io.openpmo.modelchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checks that need no engine, on the shipped models and on broken variants of them: decision table proofs
 * (overlaps, gaps), FEEL, forms, decision test cases. The checks that need the engine (parse, no code, references)
 * run in {@code ModelChangePostgresTest}.
 */
class ModelCheckRulesTest {

  static ModelFile file(String path) throws IOException {
    return ModelFile.of(path, Files.readAllBytes(Path.of(path)));
  }

  static ModelFile edited(String path, String from, String to) throws IOException {
    String text = Files.readString(Path.of(path));
    assertThat(text).contains(from);
    return ModelFile.of(path, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8));
  }

  static List<CheckProblem> analyse(ModelFile dmn) throws Exception {
    DmnFacts facts = DmnFacts.of(dmn.content());
    return facts.decisions.values().stream().flatMap(d -> DecisionTableAnalysis.check(dmn.name(), d).stream()).toList();
  }

  @Nested
  class ShippedModels {

    @Test
    void everyShippedDecisionTableIsProvenFreeOfOverlapsAndGapsAndItsFeelCompiles() throws Exception {
      try (Stream<Path> files = Files.list(Path.of("dmn"))) {
        for (Path path : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
          ModelFile dmn = file("dmn/" + path.getFileName());
          assertThat(analyse(dmn)).as(dmn.name()).isEmpty();
          assertThat(FeelCheck.check(dmn.name(), DmnFacts.of(dmn.content()))).as(dmn.name()).isEmpty();
        }
      }
    }

    @Test
    void everyShippedDecisionTestCasePasses() throws IOException {
      Map<String, byte[]> dmn = new LinkedHashMap<>();
      try (Stream<Path> files = Files.list(Path.of("dmn"))) {
        for (Path path : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
          dmn.put(path.toString(), Files.readAllBytes(path));
        }
      }
      StandaloneDecisions decisions = new StandaloneDecisions();
      try (Stream<Path> tests = Files.list(Path.of("dmn/tests"))) {
        List<Path> csv = tests.filter(p -> p.toString().endsWith(".csv")).toList();
        assertThat(csv).hasSizeGreaterThanOrEqualTo(4);
        for (Path path : csv) {
          assertThat(DecisionTestCases.run(file("dmn/tests/" + path.getFileName()), dmn, decisions))
              .as(path.toString()).isEmpty();
        }
      }
    }

    @Test
    void everyShippedFormIsAValidSchemaWithItsFileNameAsId() throws IOException {
      try (Stream<Path> files = Files.list(Path.of("forms"))) {
        for (Path path : files.toList()) {
          FormFacts facts = FormFacts.of(Files.readAllBytes(path));
          assertThat(facts.problems).as(path.toString()).isEmpty();
          assertThat(facts.id + ".form").isEqualTo(path.getFileName().toString());
        }
      }
    }
  }

  @Nested
  class DecisionTables {

    @Test
    void overlappingRulesOfAUniqueTableAreNamedWithTheInputsTheyShareAndTheirLines() throws Exception {
      ModelFile overlapping = edited("dmn/project-risk.dmn", "<text>[25..49]</text>", "<text>[20..49]</text>");

      List<CheckProblem> problems = analyse(overlapping);

      assertThat(problems).hasSize(1);
      CheckProblem problem = problems.get(0);
      assertThat(problem.check()).isEqualTo(CheckProblem.OVERLAP);
      assertThat(problem.elementId()).isEqualTo("Rule_TierMedium");
      assertThat(problem.line()).isPositive();
      assertThat(problem.message()).contains("'Rule_TierLow'", "'Rule_TierMedium'", "riskScore = 20",
          "(20..25)");
    }

    @Test
    void aGapInASingleResultTableIsNamedWithTheInputThatReachesIt() throws Exception {
      ModelFile gap = edited("dmn/project-risk.dmn", "<text>[25..49]</text>", "<text>[26..49]</text>");

      List<CheckProblem> problems = analyse(gap);

      assertThat(problems).extracting(CheckProblem::check).containsExactly(CheckProblem.GAP);
      assertThat(problems.get(0).message()).contains("no rule matches when riskScore = 25");
    }

    @Test
    void integerColumnsHaveNoGapBetweenNeighbouringWholeNumbers() throws Exception {
      // <= 24 and [25..49] leave (24..25) open, which holds no integer
      ModelFile integers = edited("dmn/project-risk.dmn", "<text>&lt; 25</text>", "<text>&lt;= 24</text>");
      assertThat(analyse(integers)).isEmpty();
    }

    @Test
    void aFirstTableWithoutItsCatchAllRuleHasAGap() throws Exception {
      String text = Files.readString(Path.of("dmn/project-health.dmn"));
      int catchAll = text.indexOf("<rule id=\"Rule_GreenOtherwise\"");
      int end = text.indexOf("</rule>", catchAll) + "</rule>".length();
      ModelFile noCatchAll = ModelFile.of("dmn/project-health.dmn",
          (text.substring(0, catchAll) + text.substring(end)).getBytes(StandardCharsets.UTF_8));

      List<CheckProblem> problems = analyse(noCatchAll);

      assertThat(problems).isNotEmpty().allMatch(p -> p.check().equals(CheckProblem.GAP));
      assertThat(problems.get(0).message()).contains("projectHealth").contains("cpi");
    }

    @Test
    void anEntryOutsideTheAnalysableGrammarIsNamedNotGuessed() throws Exception {
      ModelFile call = edited("dmn/project-risk.dmn", "<text>[25..49]</text>", "<text>&gt;= floor(24.5)</text>");

      List<CheckProblem> problems = analyse(call);

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.elementId()).isEqualTo("InputEntry_TierMedium_RiskScore");
        assertThat(p.message()).contains("cannot be analysed");
      });
    }

    @Test
    void unaryTestsReadAsExactSets() throws Exception {
      UnaryTests.ValueSet notNone = UnaryTests.parse("not(\"NONE\")", UnaryTests.Type.STRING);
      assertThat(notNone.contains("ICT_SERVICE")).isTrue();
      assertThat(notNone.contains("NONE")).isFalse();
      UnaryTests.ValueSet open = UnaryTests.parse("]0..1[", UnaryTests.Type.NUMBER);
      assertThat(open.contains(java.math.BigDecimal.ZERO)).isFalse();
      assertThat(open.contains(new java.math.BigDecimal("0.5"))).isTrue();
      assertThat(open.contains(java.math.BigDecimal.ONE)).isFalse();
      UnaryTests.ValueSet list = UnaryTests.parse("\"HIGH\",\"CRITICAL\"", UnaryTests.Type.STRING);
      assertThat(list.contains("HIGH")).isTrue();
      assertThat(list.contains("LOW")).isFalse();
    }
  }

  @Nested
  class Feel {

    @Test
    void unparseableFeelIsNamedByElementAndLine() throws Exception {
      ModelFile broken = edited("dmn/approval-routing.dmn", "<text>&gt;= 250000</text>",
          "<text>&gt;= 250 000 and</text>");

      List<CheckProblem> problems = FeelCheck.check(broken.name(), DmnFacts.of(broken.content()));

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.check()).isEqualTo(CheckProblem.FEEL);
        assertThat(p.elementId()).startsWith("InputEntry_");
        assertThat(p.line()).isPositive();
        assertThat(p.message()).contains(">= 250 000 and").contains("is not valid FEEL");
      });
    }
  }

  @Nested
  class Forms {

    @Test
    void aFormWithoutIdIsRefused() {
      FormFacts facts = FormFacts.of("{\"components\": []}".getBytes(StandardCharsets.UTF_8));
      assertThat(facts.problems).singleElement().asString().contains("has no \"id\"");
    }

    @Test
    void anUnknownComponentIsRefusedByItsPlace() {
      FormFacts facts = FormFacts.of(("{\"id\": \"f\", \"components\": [{\"type\": \"textfield\", \"key\": \"a\"},"
          + " {\"type\": \"signaturepad\", \"id\": \"Field_Sign\", \"key\": \"b\"}]}").getBytes(StandardCharsets.UTF_8));
      assertThat(facts.problems).singleElement().asString()
          .contains("components[1] ('Field_Sign')").contains("unknown type \"signaturepad\"");
    }

    @Test
    void anInputWithoutKeyOrARepeatedKeyIsRefused() {
      FormFacts facts = FormFacts.of(("{\"id\": \"f\", \"components\": [{\"type\": \"textfield\"},"
          + " {\"type\": \"number\", \"key\": \"a\"}, {\"type\": \"textarea\", \"key\": \"a\"}]}")
          .getBytes(StandardCharsets.UTF_8));
      assertThat(facts.problems).hasSize(2);
      assertThat(facts.problems.get(0)).contains("has no key");
      assertThat(facts.problems.get(1)).contains("repeats the key \"a\"");
    }
  }

  @Nested
  class TestCases {

    @Test
    void aFailingCaseNamesTheFileTheLineTheExpectedAndTheActualOutcome() throws IOException {
      Map<String, byte[]> dmn = Map.of("dmn/approval-routing.dmn",
          edited("dmn/approval-routing.dmn", "<text>&gt;= 250000</text>", "<text>&gt;= 200000</text>").content());
      ModelFile tests = file("dmn/tests/approvalRouting.csv");

      List<CheckProblem> problems = DecisionTestCases.run(tests, dmn, new StandaloneDecisions());

      // the row at 249999 expects pmo alone; finance now joins from 200000
      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.file()).isEqualTo("dmn/tests/approvalRouting.csv");
        assertThat(p.line()).isEqualTo(7);
        assertThat(p.message()).contains("expects approverGroup = pmo").contains("gives finance|pmo")
            .contains("Rule_FinanceFromBudget250k");
      });
    }

    @Test
    void aTestOfAnUnknownDecisionIsRefused() {
      ModelFile tests = ModelFile.of("dmn/tests/noSuchDecision.csv",
          "a,=b\n1,2\n".getBytes(StandardCharsets.UTF_8));
      assertThat(DecisionTestCases.run(tests, Map.of(), new StandaloneDecisions()))
          .singleElement().extracting(CheckProblem::message).asString().contains("'noSuchDecision'");
    }
  }

  @Nested
  class Closure {

    @Test
    void aChangedFormIsDeployedWithEveryProcessThatBindsToItAndTheirOtherForms() throws IOException {
      Map<String, ModelFile> inForce = new LinkedHashMap<>();
      for (String dir : List.of("processes", "forms")) {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
          for (Path path : files.toList()) {
            ModelFile f = file(dir + "/" + path.getFileName());
            inForce.put(f.name(), f);
          }
        }
      }
      ModelFile form = inForce.get("forms/change-decision.form");

      Map<String, ModelFile> complete = ModelDeployer.complete(List.of(form), inForce);

      assertThat(complete).containsKeys("forms/change-decision.form", "processes/change-request.bpmn",
          "forms/change-impact.form", "forms/rollback-change.form", "forms/change-request.form");
      // resolve-overallocation.form comes along for change-request, but its other process (the lifecycle) stays
      assertThat(complete).containsKey("forms/resolve-overallocation.form")
          .doesNotContainKeys("processes/project-lifecycle.bpmn", "processes/project-initiation.bpmn",
              "dmn/approval-routing.dmn");
    }
  }
}
