package io.openpmo.intake.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The DMN files of dmn/ parse in the Camunda 7 DMN engine and keep the conventions that Camunda Modeler and the
 * deployment rely on: DMN 1.3, FEEL only (the deployment refuses script languages), a history time to live and a
 * name on every decision, a typeRef on every input and output, a description (annotation) on every rule, and a
 * diagram with every decision and requirement.
 */
class DecisionModelsTest {

  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";
  static final String MODELER = "http://camunda.org/schema/modeler/1.0";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "dmn/project-risk.dmn;       Definitions_ProjectRisk;     Project risk;     projectRisk riskPoints",
      "dmn/project-priority.dmn;   Definitions_ProjectPriority; Project priority; projectPriority priorityPoints",
      "dmn/approval-routing.dmn;   Definitions_ApprovalRouting; Approval routing; approvalRouting"})
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
