package io.openpmo.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
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
 * Refuses, at deployment, any BPMN or DMN model that would run a script: script tasks, script
 * listeners, script input/output mappings and conditions, decision expressions in a script language,
 * and any document type declaration (the door to XXE). The deployer answers with a
 * {@link ParseException}, which the REST API and Camunda Modeler show as a 400 with the reason.
 */
class ScriptRejectingDeployer implements Deployer {

  private static final Set<String> SAFE_LANGUAGES = Set.of("feel", "juel",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/feel/20140401");

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName().toLowerCase(Locale.ROOT);
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
          || name.endsWith(".dmn11.xml") || name.endsWith(".cmmn")) {
        List<String> problems = scriptsIn(resource.getBytes());
        if (!problems.isEmpty()) {
          throw new ParseException("Deployment refused: " + resource.getName() + " " + String.join("; ", problems)
              + ". Scripts are not allowed; use a delegate expression.", resource.getName(),
              problems.stream().map(p -> (Problem) new ScriptProblem(p)).toList(), List.of());
        }
      }
    }
  }

  static List<String> scriptsIn(byte[] xml) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      document = builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      return List.of("cannot be read safely (" + e.getMessage() + ")");
    }
    List<String> problems = new ArrayList<>();
    visit(document.getDocumentElement(), problems);
    return problems;
  }

  private static void visit(Element element, List<String> problems) {
    String name = element.getLocalName();
    String id = element.getAttribute("id");
    String where = id.isEmpty() ? "<" + name + ">" : "'" + id + "'";
    if ("scriptTask".equals(name)) {
      problems.add("has a script task " + where);
    } else if ("script".equals(name)) {
      problems.add("has a script in " + describeParent(element));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      String attributeName = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
      if (("language".equals(attributeName) || "expressionLanguage".equals(attributeName)
          || "scriptFormat".equals(attributeName))
          && !SAFE_LANGUAGES.contains(attribute.getNodeValue().trim().toLowerCase(Locale.ROOT))) {
        problems.add("uses the script language '" + attribute.getNodeValue() + "' in " + where);
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        visit(childElement, problems);
      }
    }
  }

  private static String describeParent(Element script) {
    Node parent = script.getParentNode();
    while (parent instanceof Element parentElement) {
      String id = parentElement.getAttribute("id");
      if (!id.isEmpty()) {
        return "'" + id + "' (" + ((Element) script.getParentNode()).getLocalName() + ")";
      }
      parent = parent.getParentNode();
    }
    return "the model";
  }

  private record ScriptProblem(String message) implements Problem {
    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return null;
    }

    @Override
    public List<String> getElementIds() {
      return List.of();
    }
  }
}
