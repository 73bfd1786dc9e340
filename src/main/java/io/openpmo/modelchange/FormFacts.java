package io.openpmo.modelchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Camunda Form (form-js schema) as the checks read it: its id, the keys it submits and whether it is a valid
 * schema Tasklist can render: an object with an {@code id}, a {@code components} list of known component types, a
 * key for every input component, no key twice.
 */
final class FormFacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The component types Camunda 7's Tasklist renders (form-js); iframes, which load other sites, are refused. */
  static final Set<String> KNOWN_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist", "radio",
      "select", "taglist", "datetime", "text", "html", "image", "spacer", "separator", "group", "dynamiclist",
      "table", "expression", "button");
  private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime");

  final String id;
  final String versionTag;
  final Set<String> keys = new LinkedHashSet<>();
  final List<String> problems = new ArrayList<>();

  private FormFacts(String id, String versionTag) {
    this.id = id;
    this.versionTag = versionTag;
  }

  static FormFacts of(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      FormFacts facts = new FormFacts(null, null);
      facts.problems.add("is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
      return facts;
    }
    if (root == null || !root.isObject()) {
      FormFacts facts = new FormFacts(null, null);
      facts.problems.add("is not a form: a form-js schema is a JSON object");
      return facts;
    }
    String id = root.path("id").isTextual() && !root.path("id").asText().isBlank() ? root.path("id").asText() : null;
    FormFacts facts = new FormFacts(id, root.path("versionTag").isTextual() ? root.path("versionTag").asText() : null);
    if (id == null) {
      facts.problems.add("has no \"id\": Tasklist finds a form by its id (camunda:formRef)");
    }
    if (!root.path("components").isArray()) {
      facts.problems.add("has no \"components\" list");
    } else {
      facts.components(root.path("components"), "components");
    }
    return facts;
  }

  private void components(JsonNode components, String path) {
    int index = 0;
    for (JsonNode component : components) {
      String where = path + "[" + index + "]" + (component.hasNonNull("id") ? " ('" + component.get("id").asText() + "')"
          : "");
      String type = component.path("type").asText("");
      if (type.isEmpty()) {
        problems.add("component " + where + " has no type");
      } else if (!KNOWN_TYPES.contains(type)) {
        problems.add("component " + where + " has the unknown type \"" + type + "\"; Tasklist renders "
            + String.join(", ", KNOWN_TYPES.stream().sorted().toList()));
      }
      if (INPUTS.contains(type)) {
        String key = component.path("key").asText("");
        if (key.isBlank()) {
          problems.add("input " + where + " (" + type + ") has no key: its answer would be lost");
        } else if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
          problems.add("input " + where + " has the key \"" + key + "\", which is not a variable name");
        } else if (!keys.add(key) && !path.contains("dynamiclist")) {
          problems.add("input " + where + " repeats the key \"" + key + "\"");
        }
      }
      if (component.path("components").isArray()) {
        components(component.path("components"), path + "[" + index + "]" + ("dynamiclist".equals(type)
            ? ".dynamiclist" : "") + ".components");
      }
      index++;
    }
  }
}
