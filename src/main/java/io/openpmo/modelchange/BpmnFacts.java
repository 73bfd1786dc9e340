package io.openpmo.modelchange;

import io.openpmo.security.LineNumberedXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What a BPMN file defines and refers to, each with its element and line: what the checks compare. */
final class BpmnFacts {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** A reference from an element to something that must exist (a form, a process, a decision). */
  record Ref(String elementId, int line, String target, String binding) {
  }

  /** A business rule task: which decision it evaluates and where the result goes. */
  record RuleTask(String elementId, int line, String decisionRef, String resultVariable, String mapDecisionResult) {
  }

  final Map<String, String> processes = new LinkedHashMap<>();
  final Map<String, Integer> processLines = new LinkedHashMap<>();
  final List<Ref> formRefs = new ArrayList<>();
  final List<Ref> calledElements = new ArrayList<>();
  final List<RuleTask> ruleTasks = new ArrayList<>();
  final Set<String> messageNames = new LinkedHashSet<>();
  final Set<String> elementIds = new LinkedHashSet<>();

  static BpmnFacts of(byte[] xml) throws Exception {
    BpmnFacts facts = new BpmnFacts();
    Document document = LineNumberedXml.parse(xml);
    facts.visit(document.getDocumentElement());
    return facts;
  }

  /** The highest camunda:versionTag of the file's processes, or null. */
  String versionTag() {
    return processes.values().stream().filter(t -> t != null && !t.isBlank())
        .max(VersionTags::compare).orElse(null);
  }

  private void visit(Element element) {
    if (BPMN_NS.equals(element.getNamespaceURI())) {
      String id = element.getAttribute("id");
      int line = LineNumberedXml.line(element);
      if (!id.isEmpty()) {
        elementIds.add(id);
      }
      switch (element.getLocalName()) {
        case "process" -> {
          String tag = element.getAttributeNS(CAMUNDA_NS, "versionTag");
          processes.put(id, tag.isEmpty() ? null : tag);
          processLines.put(id, line);
        }
        case "message" -> {
          if (!element.getAttribute("name").isEmpty()) {
            messageNames.add(element.getAttribute("name"));
          }
        }
        case "callActivity" -> calledElements.add(new Ref(id, line, element.getAttribute("calledElement"),
            element.getAttributeNS(CAMUNDA_NS, "calledElementBinding")));
        case "businessRuleTask" -> {
          String decision = element.getAttributeNS(CAMUNDA_NS, "decisionRef");
          if (!decision.isEmpty()) {
            ruleTasks.add(new RuleTask(id, line, decision, element.getAttributeNS(CAMUNDA_NS, "resultVariable"),
                element.getAttributeNS(CAMUNDA_NS, "mapDecisionResult")));
          }
        }
        default -> {
          // other elements carry references only through their camunda attributes, read below
        }
      }
      String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
      if (!formRef.isEmpty()) {
        formRefs.add(new Ref(id, line, formRef, element.getAttributeNS(CAMUNDA_NS, "formRefBinding")));
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        visit(childElement);
      }
    }
  }
}
