package io.openpmo.intake.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DMN files of dmn/ parse in the Camunda 7 DMN engine and keep the conventions that Camunda Modeler and the
 * deployment rely on: DMN 1.3, FEEL only (the deployment refuses script languages), a history time to live and a
 * name on every decision, a typeRef on every input and output, a label on every input and output, allowed values on
 * every text input and output, ids named after their element (Rule_..., InputEntry_...), a description (annotation)
 * on every rule, and a diagram with every decision and requirement. Every file of dmn/ is in the list below.
 */
class DecisionModelsTest {

  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";

  /** The id prefix of every element that Camunda Modeler would otherwise name with a generated id. */
  static final Map<String, String> ID_PREFIXES = Map.ofEntries(
      Map.entry("decisionTable", "DecisionTable_"),
      Map.entry("informationRequirement", "InformationRequirement_"),
      Map.entry("input", "Input_"),
      Map.entry("inputExpression", "InputExpression_"),
      Map.entry("inputValues", "InputValues_"),
      Map.entry("output", "Output_"),
      Map.entry("outputValues", "OutputValues_"),
      Map.entry("rule", "Rule_"),
      Map.entry("inputEntry", "InputEntry_"),
      Map.entry("outputEntry", "OutputEntry_"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "dmn/project-risk.dmn;       Definitions_ProjectRisk;     Project risk;     projectRisk riskPoints",
      "dmn/project-priority.dmn;   Definitions_ProjectPriority; Project priority; projectPriority priorityPoints",
      "dmn/approval-routing.dmn;   Definitions_ApprovalRouting; Approval routing; approvalRouting",
      "dmn/gate-reviewers.dmn;     Definitions_GateReviewers;   Gate reviewers;   gateReviewers",
      "dmn/project-health.dmn;     Definitions_ProjectHealth;   Project health;   projectHealth",
      "dmn/change-classification.dmn; Definitions_ChangeClassification; Change classification; changeClassification",
      "dmn/change-approvers.dmn;   Definitions_ChangeApprovers; Change approvers; changeApprovers"})
  void decisionFileParsesInCamunda7AndKeepsTheConventions(String resource, String definitionsId, String name,
      String decisionKeys) throws Exception {
    Set<String> keys = Set.of(decisionKeys.split(" "));

    DmnDecisionRequirementsGraph graph;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      graph = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine()
          .parseDecisionRequirementsGraph(in);
    }
    assertThat(graph.getKey()).isEqualTo(definitionsId);
    assertThat(graph.getName()).isEqualTo(name);
    assertThat(graph.getDecisions()).extracting(DmnDecision::getKey).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(graph.getDecisions()).allMatch(DmnDecision::isDecisionTable);

    Document document = read(resource);
    Element definitions = document.getDocumentElement();
    assertThat(definitions.getNamespaceURI()).isEqualTo(DMN);
    assertThat(definitions.getAttributeNS(MODELER, "executionPlatform")).isEqualTo("Camunda Platform");
    assertThat(definitions.getAttributeNS(MODELER, "executionPlatformVersion")).isEqualTo("7.24.0");

    List<String> problems = new ArrayList<>();
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (element.hasAttribute("expressionLanguage")) {
        problems.add(element.getAttribute("id") + " sets an expression language");
      }
    }
    for (Element decision : elements(document, DMN, "decision")) {
      String id = decision.getAttribute("id");
      if (decision.getAttribute("name").isBlank()) {
        problems.add(id + " has no name");
      }
      if (!"P3650D".equals(decision.getAttributeNS(CAMUNDA, "historyTimeToLive"))) {
        problems.add(id + " has no camunda:historyTimeToLive P3650D");
      }
    }
    for (Element typed : concat(elements(document, DMN, "inputExpression"), elements(document, DMN, "output"))) {
      if (typed.getAttribute("typeRef").isBlank()) {
        problems.add(typed.getAttribute("id") + " has no typeRef");
      }
    }
    for (Element input : elements(document, DMN, "input")) {
      if (input.getAttribute("label").isBlank()) {
        problems.add(input.getAttribute("id") + " has no label");
      }
      Element expression = elements(input, DMN, "inputExpression").get(0);
      if ("string".equals(expression.getAttribute("typeRef")) && elements(input, DMN, "inputValues").isEmpty()) {
        problems.add(input.getAttribute("id") + " is text without allowed values");
      }
    }
    for (Element output : elements(document, DMN, "output")) {
      if (output.getAttribute("label").isBlank()) {
        problems.add(output.getAttribute("id") + " has no label");
      }
      if ("string".equals(output.getAttribute("typeRef")) && elements(output, DMN, "outputValues").isEmpty()) {
        problems.add(output.getAttribute("id") + " is text without allowed values");
      }
    }
    ID_PREFIXES.forEach((element, prefix) -> {
      for (Element named : elements(document, DMN, element)) {
        if (!named.getAttribute("id").startsWith(prefix)) {
          problems.add(element + " '" + named.getAttribute("id") + "' has no id starting with " + prefix);
        }
      }
    });
    for (Element rule : elements(document, DMN, "rule")) {
      List<Element> descriptions = elements(rule, DMN, "description");
      if (descriptions.isEmpty() || descriptions.get(0).getTextContent().isBlank()) {
        problems.add(rule.getAttribute("id") + " has no description");
      }
    }
    Set<String> shapes = elements(document, DMNDI, "DMNShape").stream()
        .map(shape -> shape.getAttribute("dmnElementRef")).collect(Collectors.toSet());
    Set<String> edges = elements(document, DMNDI, "DMNEdge").stream()
        .map(edge -> edge.getAttribute("dmnElementRef")).collect(Collectors.toSet());
    for (String key : keys) {
      if (!shapes.contains(key)) {
        problems.add(key + " has no DMNShape");
      }
    }
    for (Element requirement : elements(document, DMN, "informationRequirement")) {
      if (!edges.contains(requirement.getAttribute("id"))) {
        problems.add(requirement.getAttribute("id") + " has no DMNEdge");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDecisionFileIsCheckedAbove() throws Exception {
    CsvSource files = DecisionModelsTest.class
        .getDeclaredMethod("decisionFileParsesInCamunda7AndKeepsTheConventions",
            String.class, String.class, String.class, String.class)
        .getAnnotation(CsvSource.class);
    Set<String> checked = Stream.of(files.value())
        .map(line -> line.substring(0, line.indexOf(';')).trim()).collect(Collectors.toSet());

    assertThat(decisionFilesOnClasspath()).containsExactlyInAnyOrderElementsOf(checked);
  }

  /** dmn/*.dmn as Maven copies them to the test classpath (target/classes/dmn). */
  private static Set<String> decisionFilesOnClasspath() throws IOException, URISyntaxException {
    URL folder = DecisionModelsTest.class.getClassLoader().getResource("dmn");
    assertThat(folder).as("dmn/ on the classpath").isNotNull();
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.map(file -> "dmn/" + file.getFileName()).filter(name -> name.endsWith(".dmn"))
          .collect(Collectors.toSet());
    }
  }

  private static Document read(String resource) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = DecisionModelsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static List<Element> elements(Document document, String namespace, String name) {
    return list(document.getElementsByTagNameNS(namespace, name));
  }

  private static List<Element> elements(Element parent, String namespace, String name) {
    return list(parent.getElementsByTagNameNS(namespace, name));
  }

  private static List<Element> list(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  private static List<Element> concat(List<Element> first, List<Element> second) {
    List<Element> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
