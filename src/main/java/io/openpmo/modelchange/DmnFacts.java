package io.openpmo.modelchange;

import io.openpmo.security.LineNumberedXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A DMN file as the checks read it: its decisions with their tables (inputs, outputs, rules with their entries),
 * literal expressions and required decisions, each part with its id and line.
 */
final class DmnFacts {

  static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";

  /** One FEEL text of the model: where it is and whether it is an expression or unary tests (an input entry). */
  record FeelText(String elementId, int line, String text, boolean unaryTests, String language) {
  }

  record Input(String id, String label, String expression, String typeRef, List<String> allowedValues) {
  }

  record Output(String id, String name, String typeRef) {
  }

  record Rule(String id, int line, String description, List<FeelText> inputEntries, List<FeelText> outputEntries) {
  }

  record Decision(String key, String name, int line, String versionTag, String hitPolicy, String aggregation,
      List<Input> inputs, List<Output> outputs, List<Rule> rules, List<String> requiredDecisions,
      boolean literalExpression) {

    boolean isTable() {
      return !literalExpression;
    }

    /** Whether the decision yields one result per evaluation (UNIQUE, FIRST, ANY, PRIORITY). */
    boolean singleResult() {
      return isTable() && List.of("UNIQUE", "FIRST", "ANY", "PRIORITY").contains(hitPolicy);
    }
  }

  final Map<String, Decision> decisions = new LinkedHashMap<>();
  final List<FeelText> feel = new ArrayList<>();

  static DmnFacts of(byte[] xml) throws Exception {
    DmnFacts facts = new DmnFacts();
    Document document = LineNumberedXml.parse(xml);
    for (Element decision : children(document.getDocumentElement(), "decision")) {
      facts.decision(decision);
    }
    return facts;
  }

  /** The highest camunda:versionTag of the file's decisions, or null. */
  String versionTag() {
    return decisions.values().stream().map(Decision::versionTag).filter(t -> t != null && !t.isBlank())
        .max(VersionTags::compare).orElse(null);
  }

  /** Decisions of the file that no other decision of the file requires: those the processes evaluate. */
  List<Decision> roots() {
    List<String> required = decisions.values().stream().flatMap(d -> d.requiredDecisions().stream()).toList();
    return decisions.values().stream().filter(d -> !required.contains(d.key())).toList();
  }

  private void decision(Element element) {
    String key = element.getAttribute("id");
    String tag = element.getAttributeNS(CAMUNDA_DMN_NS, "versionTag");
    List<String> required = new ArrayList<>();
    for (Element requirement : children(element, "informationRequirement")) {
      for (Element decision : children(requirement, "requiredDecision")) {
        required.add(decision.getAttribute("href").replaceFirst("^#", ""));
      }
    }
    Element table = first(element, "decisionTable");
    if (table == null) {
      Element literal = first(element, "literalExpression");
      if (literal != null) {
        Element text = first(literal, "text");
        feel.add(new FeelText(idOf(literal, key), LineNumberedXml.line(literal), text == null ? "" : text.getTextContent(),
            false, literal.getAttribute("expressionLanguage")));
      }
      decisions.put(key, new Decision(key, element.getAttribute("name"), LineNumberedXml.line(element),
          tag.isEmpty() ? null : tag, null, null, List.of(), List.of(), List.of(), required, true));
      return;
    }
    String hitPolicy = table.getAttribute("hitPolicy").isEmpty() ? "UNIQUE" : table.getAttribute("hitPolicy");
    List<Input> inputs = new ArrayList<>();
    for (Element input : children(table, "input")) {
      Element expression = first(input, "inputExpression");
      Element text = expression == null ? null : first(expression, "text");
      String language = expression == null ? "" : expression.getAttribute("expressionLanguage");
      if (text != null) {
        feel.add(new FeelText(idOf(expression, input.getAttribute("id")), LineNumberedXml.line(expression),
            text.getTextContent(), false, language));
      }
      Element values = first(input, "inputValues");
      List<String> allowed = values == null ? List.of() : UnaryTests.literalList(textOf(values));
      inputs.add(new Input(input.getAttribute("id"), input.getAttribute("label"),
          text == null ? null : text.getTextContent().strip(), expression == null ? null : expression.getAttribute("typeRef"),
          allowed == null ? List.of() : allowed));
    }
    List<Output> outputs = new ArrayList<>();
    for (Element output : children(table, "output")) {
      outputs.add(new Output(output.getAttribute("id"), output.getAttribute("name"), output.getAttribute("typeRef")));
    }
    List<Rule> rules = new ArrayList<>();
    for (Element rule : children(table, "rule")) {
      List<FeelText> entries = new ArrayList<>();
      for (Element entry : children(rule, "inputEntry")) {
        FeelText feelText = new FeelText(entry.getAttribute("id"), LineNumberedXml.line(entry), textOf(entry), true,
            entry.getAttribute("expressionLanguage"));
        entries.add(feelText);
        feel.add(feelText);
      }
      List<FeelText> outputEntries = new ArrayList<>();
      for (Element entry : children(rule, "outputEntry")) {
        FeelText feelText = new FeelText(entry.getAttribute("id"), LineNumberedXml.line(entry), textOf(entry), false,
            entry.getAttribute("expressionLanguage"));
        outputEntries.add(feelText);
        feel.add(feelText);
      }
      Element description = first(rule, "description");
      rules.add(new Rule(rule.getAttribute("id"), LineNumberedXml.line(rule),
          description == null ? null : description.getTextContent().strip(), entries, outputEntries));
    }
    decisions.put(key, new Decision(key, element.getAttribute("name"), LineNumberedXml.line(element),
        tag.isEmpty() ? null : tag, hitPolicy, table.getAttribute("aggregation").isEmpty() ? null
        : table.getAttribute("aggregation"), inputs, outputs, rules, required, false));
  }

  private static String idOf(Element element, String fallback) {
    String id = element.getAttribute("id");
    return id.isEmpty() ? fallback : id;
  }

  private static String textOf(Element element) {
    Element text = first(element, "text");
    return text == null ? "" : text.getTextContent();
  }

  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  static Element first(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }
}
