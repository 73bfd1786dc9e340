package io.openpmo.fuzz;

import static io.openpmo.fuzz.BadInputs.NODES;
import static io.openpmo.fuzz.BadInputs.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openpmo.fuzz.BadInputs.Mutation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The fields our Tasklist forms declare (forms/project-request.form and forms/review-request.form) and bad values for
 * them as the engine REST API receives variables: {@code {"value": ..., "type": ...}}.
 */
final class FormFields {

  static final Map<String, String> START = new LinkedHashMap<>();
  static final Map<String, String> REVIEW = new LinkedHashMap<>();

  static {
    START.put("title", "text:200:required");
    START.put("description", "text:4000:required");
    START.put("businessUnit", "text:100:required");
    START.put("sponsor", "text:64:required");
    START.put("projectType", "choice:required");
    START.put("strategicAlignment", "integer:1:5:required");
    START.put("expectedAnnualBenefit", "amount:0:required");
    START.put("budget", "amount:1:required");
    START.put("startDate", "date:required");
    START.put("durationMonths", "integer:1:120:required");
    START.put("complexity", "choice:required");
    START.put("dataClassification", "choice:required");
    START.put("thirdParty", "choice:required");
    START.put("personalData", "flag");
    START.put("criticalFunction", "flag");
    START.put("newTechnology", "flag");
    START.put("regulatoryDeadline", "date");
    START.put("externalReference", "text:100");
    REVIEW.put("decision", "choice:required");
    REVIEW.put("comment", "text:4000:required");   // required for REWORK, the example's decision
    REVIEW.put("conflictOfInterest", "flag");
  }

  private FormFields() {
  }

  /**
   * How a person reads a field in an answer: its label on the form (forms/project-request.form and
   * forms/review-request.form, without a trailing colon or a remark in brackets) or its name in words; and its id.
   */
  static List<String> names(String field) {
    List<String> names = new ArrayList<>(List.of(field, io.openpmo.core.Labels.field(field)));
    for (String form : List.of("forms/project-request.form", "forms/review-request.form")) {
      try {
        collectLabels(new com.fasterxml.jackson.databind.ObjectMapper().readTree(new java.io.File(form)), field, names);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return names;
  }

  private static void collectLabels(JsonNode node, String field, List<String> names) {
    if (node.isObject() && field.equals(node.path("key").asText()) && node.hasNonNull("label")) {
      names.add(node.get("label").asText().replaceAll("\\s*\\([^)]*\\)\\s*$", "").replaceAll("[\\s*:]+$", ""));
    }
    node.elements().forEachRemaining(child -> collectLabels(child, field, names));
  }

  static Arbitrary<Mutation> mutations(String name, String spec) {
    String[] parts = spec.split(":");
    List<Arbitrary<Mutation>> options = new ArrayList<>();
    options.add(typed(name, "an object", object("a", 1), null));
    options.add(typed(name, "a list", NODES.arrayNode().add(1), null));
    options.add(typed(name, "a Json variable", NODES.textNode("{\"a\": 1}"), "Json"));
    if (spec.endsWith("required")) {
      options.add(Arbitraries.of(new Mutation(name, "missing", NODES.textNode("<remove>")),
          new Mutation(name, "null", value(NODES.nullNode(), null))));
    }
    switch (parts[0]) {
      case "text" -> {
        int max = Integer.parseInt(parts[1]);
        options.add(Arbitraries.of(42, true).map(v -> new Mutation(name, "not text", value(NODES.pojoNode(v), null))));
        options.add(Arbitraries.integers().between(max + 1, max + 50).map(n -> new Mutation(name, "longer than " + max,
            value(NODES.textNode("ü".repeat(n)), "String"))));
        options.add(Arbitraries.just(new Mutation(name, "huge text", value(NODES.textNode("💥".repeat(50_000)), null))));
      }
      case "choice" -> options.add(Arbitraries.of("NOT_A_VALUE", "approve", "", "1").map(v ->
          new Mutation(name, "not one of the values", value(NODES.textNode(v), "String"))));
      case "integer", "amount" -> {
        options.add(Arbitraries.of("12", "abc", "").map(v -> new Mutation(name, "text for a number",
            value(NODES.textNode(v), "String"))));
        options.add(Arbitraries.of(new BigDecimal("1e308"), new BigDecimal("-1e308"),
            new BigDecimal(BadInputs.TWO_TO_THE_70)).map(v -> new Mutation(name, "enormous",
            value(NODES.numberNode(v), "Double"))));
        options.add(Arbitraries.of(new BigDecimal(BadInputs.TWO_TO_THE_70)).map(v -> new Mutation(name, "2^70 untyped",
            value(NODES.numberNode(v.toBigInteger()), null))));
        options.add(Arbitraries.of(-1, -1000).map(v -> new Mutation(name, "negative", value(NODES.numberNode(v), null))));
        if (parts[0].equals("integer")) {
          options.add(Arbitraries.of(2.5, 1000.0).map(v -> new Mutation(name, "not whole or too large",
              value(NODES.numberNode(v), "Double"))));
        } else {
          options.add(Arbitraries.of("0.001").map(v -> new Mutation(name, "more decimals than cents",
              value(NODES.numberNode(new BigDecimal(v)), "Double"))));
        }
      }
      case "date" -> options.add(Arbitraries.of("2027-02-30", "20270101", "yesterday", "2027-13-01").map(v ->
          new Mutation(name, "not a date", value(NODES.textNode(v), "String"))));
      case "flag" -> options.add(Arbitraries.of("yes", "true", "1").map(v -> new Mutation(name, "text for a flag",
          value(NODES.textNode(v), "String"))));
      default -> throw new IllegalArgumentException(spec);
    }
    return Arbitraries.oneOf(options);
  }

  private static Arbitrary<Mutation> typed(String name, String description, JsonNode raw, String type) {
    return Arbitraries.just(new Mutation(name, description, value(raw, type)));
  }

  static ObjectNode value(JsonNode raw, String type) {
    ObjectNode variable = NODES.objectNode();
    variable.set("value", raw);
    if (type != null) {
      variable.put("type", type);
    }
    return variable;
  }
}
