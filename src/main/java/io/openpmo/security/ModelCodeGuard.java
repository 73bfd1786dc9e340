package io.openpmo.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Models are code, and deployments are treated as code: nothing in a deployed model may run code the
 * application does not ship. Refused at deployment, with the file, the element and the reason:
 * <ul>
 *   <li>scripts of any kind (script tasks, listeners, mappings, conditions) and decision expressions in any
 *       language but FEEL (JUEL in a decision table can call Java);</li>
 *   <li>expressions beyond reading variables and comparing them ({@link ExpressionPolicy}): no method or
 *       function calls, no beans but our delegates named as a whole {@code delegateExpression};</li>
 *   <li>{@code camunda:class} and {@code camunda:expression} (arbitrary classes and method calls), field
 *       injection into our delegates, connectors, and embedded HTML forms ({@code camunda:formKey} other than
 *       a Camunda Form), which would run the author's JavaScript in reviewers' Tasklist sessions;</li>
 *   <li>new ways for a process to start by itself: message, signal and conditional start events, and timer
 *       start events whose time is an expression;</li>
 *   <li>CMMN, and any document type declaration (the door to XXE).</li>
 * </ul>
 * The deployer answers with a {@link ParseException}, which the REST API and Camunda Modeler show as a 400.
 */
class ModelCodeGuard implements Deployer {

  static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20230324/feel/");
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text", "BPMNDiagram", "diagram",
      "description", "extensionElements_description");
  private static final Set<String> SELF_STARTING = Set.of("messageEventDefinition", "signalEventDefinition",
      "conditionalEventDefinition");

  private final ExpressionPolicy policy;

  ModelCodeGuard(ExpressionPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      List<Finding> findings = findings(resource.getName(), resource.getBytes());
      if (!findings.isEmpty()) {
        throw new ParseException("Deployment refused: " + resource.getName() + " "
            + String.join("; ", findings.stream().map(Finding::message).toList())
            + ". Models may read and compare variables and name our delegates; they may not run code.",
            resource.getName(), findings.stream().map(f -> (Problem) new GuardProblem(f)).toList(), List.of());
      }
    }
  }

  /** What in a model would run code: the element, its line and why, in words. */
  record Finding(String elementId, int line, String message) {
  }

  List<String> check(String resourceName, byte[] bytes) {
    return findings(resourceName, bytes).stream().map(Finding::message).toList();
  }

  List<Finding> findings(String resourceName, byte[] bytes) {
    String name = resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
      return List.of(new Finding(null, 0,
          "is a CMMN case model; this application runs BPMN processes and DMN decisions only"));
    }
    boolean bpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    boolean dmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    if (!bpmn && !dmn) {
      return List.of();
    }
    Document document;
    try {
      document = LineNumberedXml.parse(bytes);
    } catch (Exception e) {
      return List.of(new Finding(null, 0, "cannot be read safely (" + e.getMessage() + ")"));
    }
    List<Finding> findings = new ArrayList<>();
    visit(document.getDocumentElement(), bpmn, findings);
    return findings;
  }

  /** Collects the problems found in one element, each with the element's id and line. */
  private static final class Sink {
    private final List<Finding> findings;
    private final String elementId;
    private final int line;

    Sink(List<Finding> findings, Element element) {
      this.findings = findings;
      this.elementId = id(element);
      this.line = LineNumberedXml.line(element);
    }

    void add(String problem) {
      findings.add(new Finding(elementId, line, problem + (line > 0 ? " (line " + line + ")" : "")));
    }
  }

  private void visit(Element element, boolean bpmn, List<Finding> findings) {
    String name = element.getLocalName();
    String where = where(element);
    Sink problems = new Sink(findings, element);
    if ("scriptTask".equals(name)) {
      problems.add("has a script task " + where);
    } else if ("script".equals(name)) {
      problems.add("has a script in " + where);
    } else if (bpmn && CAMUNDA_NS.equals(element.getNamespaceURI()) && "field".equals(name)) {
      problems.add("injects a field into a delegate in " + where);
    } else if (bpmn && CAMUNDA_NS.equals(element.getNamespaceURI()) && "connector".equals(name)) {
      problems.add("uses a connector in " + where);
    }
    if (bpmn && "startEvent".equals(name) && element.getParentNode() instanceof Element parent
        && "process".equals(parent.getLocalName())) {
      checkStartEvent(element, where, problems);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
      String value = attribute.getNodeValue();
      if ("language".equals(attributeName) || "expressionLanguage".equals(attributeName)
          || "scriptFormat".equals(attributeName)) {
        if (!FEEL.contains(value.strip().toLowerCase(Locale.ROOT))) {
          problems.add("uses the expression language '" + value + "' in " + where + " (only FEEL is allowed)");
        }
      } else if (bpmn && (CAMUNDA_NS.equals(attribute.getNamespaceURI())
          || (attribute.getNamespaceURI() == null && CAMUNDA_NS.equals(element.getNamespaceURI())))) {
        // camunda:x on a BPMN element, or x on a camunda element (a listener, an input mapping)
        checkCamundaAttribute(attributeName, value, where, problems);
      } else if (bpmn) {
        policy.checkText(value).forEach(p -> problems.add(p + " in " + where));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        if (!NOT_EVALUATED.contains(childElement.getLocalName())) {
          visit(childElement, bpmn, findings);
        }
      } else if (bpmn && (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE)) {
        policy.checkText(child.getNodeValue()).forEach(p -> problems.add(p + " in " + where));
      }
    }
  }

  private void checkCamundaAttribute(String attribute, String value, String where, Sink problems) {
    switch (attribute) {
      case "class" -> problems.add("names the Java class " + value + " in " + where + "; use a delegateExpression"
          + " naming one of our delegates");
      case "expression" -> problems.add("evaluates \"" + value + "\" in " + where + "; use a delegateExpression"
          + " naming one of our delegates");
      case "delegateExpression" -> policy.checkDelegate(value).forEach(p -> problems.add(p + " in " + where));
      case "formKey" -> {
        if (!value.strip().startsWith("camunda-forms:")) {
          problems.add("uses the form key \"" + value + "\" in " + where + "; use a Camunda Form (camunda:formRef):"
              + " embedded HTML forms would run their author's JavaScript in reviewers' sessions");
        }
      }
      default -> policy.checkText(value).forEach(p -> problems.add(p + " in " + where));
    }
  }

  private static void checkStartEvent(Element start, String where, Sink problems) {
    for (Node child = start.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (!(child instanceof Element definition)) {
        continue;
      }
      if (SELF_STARTING.contains(definition.getLocalName())) {
        problems.add("starts by itself on a " + definition.getLocalName().replace("EventDefinition", "")
            + " in " + where + "; processes start at a plain start event (or a timer with a fixed time)");
      } else if ("timerEventDefinition".equals(definition.getLocalName())
          && (definition.getTextContent().contains("${") || definition.getTextContent().contains("#{"))) {
        problems.add("starts by itself on a timer whose time is an expression in " + where
            + "; a timer start event needs a fixed ISO 8601 date, duration or cycle");
      }
    }
  }

  private static String id(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      String id = e.getAttribute("id");
      if (!id.isEmpty()) {
        return id;
      }
    }
    return null;
  }

  private static String where(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      String id = e.getAttribute("id");
      if (!id.isEmpty()) {
        return "'" + id + "'" + (node == element ? "" : " (" + element.getLocalName() + ")");
      }
    }
    return "<" + element.getLocalName() + ">";
  }

  private record GuardProblem(Finding finding) implements Problem {
    @Override
    public String getMessage() {
      return finding.message();
    }

    @Override
    public int getLine() {
      return finding.line();
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return finding.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return finding.elementId() == null ? List.of() : List.of(finding.elementId());
    }
  }
}
