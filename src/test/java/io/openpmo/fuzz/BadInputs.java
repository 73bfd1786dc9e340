package io.openpmo.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openpmo.support.Http;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Bad input for an operation, derived from its OpenAPI schema and a valid example: each case breaks exactly one
 * rule the document states (a type, a required field, a length, a range, an enum, a date format) or the shape
 * of the request itself (malformed JSON, a wrong content type, a method the path does not take, a path the
 * server must not accept). Every case is certainly invalid, so every answer must be a refusal.
 */
final class BadInputs {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final BigInteger TWO_TO_THE_70 = BigInteger.TWO.pow(70);
  /** Longer than any text column (the longest holds 8000 characters). */
  static final int HUGE = 100_000;
  private static final List<String> UNICODE = List.of("é", "ß", "中文", "💥", "𝔘", "\u202e", "ﬀ", "Ω", "\uFEFF", "🇪🇺");
  private static final String MARKER = "<remove>";

  /** What one case changes: the field it breaks (for the check that the answer names it) and how. */
  record Mutation(String field, String description, JsonNode value) {
    boolean removes() {
      return value != null && value.isTextual() && MARKER.equals(value.asText());
    }
  }

  /** A field of a body: its path (names and list indexes), its schema and whether it is required. */
  record Field(List<Object> path, JsonNode schema, boolean required) {
    String name() {
      StringBuilder name = new StringBuilder();
      for (Object segment : path) {
        if (segment instanceof Integer index) {
          name.append('[').append(index).append(']');
        } else {
          name.append(name.isEmpty() ? "" : ".").append(segment);
        }
      }
      return name.toString();
    }

    String leaf() {
      for (int i = path.size() - 1; i >= 0; i--) {
        if (path.get(i) instanceof String segment) {
          return segment;
        }
      }
      return "body";
    }
  }

  private BadInputs() {
  }

  // ---- fields of a body ----

  static List<Field> fields(OpenApi api, JsonNode schema, JsonNode example) {
    List<Field> fields = new ArrayList<>();
    collect(api, schema, example, new ArrayList<>(), fields);
    return fields;
  }

  private static void collect(OpenApi api, JsonNode schema, JsonNode example, List<Object> path, List<Field> out) {
    String type = OpenApi.type(schema);
    if ("object".equals(type) && schema.has("properties")) {
      Set<String> required = new java.util.HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode propertySchema = api.resolve(property.getValue());
        List<Object> child = append(path, property.getKey());
        out.add(new Field(child, propertySchema, required.contains(property.getKey())));
        JsonNode value = example == null ? null : example.get(property.getKey());
        if (value != null && !value.isNull()) {
          collect(api, propertySchema, value, child, out);
        }
      }
    } else if ("array".equals(type) && example != null && example.isArray() && !example.isEmpty()) {
      JsonNode items = api.resolve(schema.get("items"));
      if (items != null) {
        List<Object> element = append(path, 0);
        if ("object".equals(OpenApi.type(items))) {
          collect(api, items, example.get(0), element, out);
        } else {
          out.add(new Field(element, items, true));
        }
      }
    }
  }

  private static List<Object> append(List<Object> path, Object segment) {
    List<Object> longer = new ArrayList<>(path);
    longer.add(segment);
    return longer;
  }

  /** The example with the field set to the value (or removed). */
  static JsonNode apply(JsonNode example, Field field, Mutation mutation) {
    JsonNode copy = example.deepCopy();
    JsonNode parent = copy;
    for (int i = 0; i < field.path().size() - 1; i++) {
      Object segment = field.path().get(i);
      parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
    }
    Object last = field.path().get(field.path().size() - 1);
    if (last instanceof Integer index) {
      ((ArrayNode) parent).set(index, mutation.removes() ? NODES.nullNode() : mutation.value());
    } else if (mutation.removes()) {
      ((ObjectNode) parent).remove((String) last);
    } else {
      ((ObjectNode) parent).set((String) last, mutation.value());
    }
    return copy;
  }

  // ---- values that break the field's rules ----

  static Arbitrary<Mutation> mutations(Field field) {
    String name = field.name();
    JsonNode schema = field.schema();
    List<Arbitrary<Mutation>> options = new ArrayList<>();
    if (field.required()) {
      options.add(Arbitraries.of(new Mutation(name, "missing", NODES.textNode(MARKER)),
          new Mutation(name, "null", NODES.nullNode())));
    }
    switch (OpenApi.type(schema)) {
      case "string" -> options.add(strings(name, schema));
      case "integer", "number" -> options.add(numbers(name, schema));
      case "boolean" -> options.add(fixed(name, "not a boolean", NODES.textNode("yes"), NODES.textNode("true"),
          NODES.numberNode(1), NODES.numberNode(0), NODES.objectNode(), NODES.arrayNode()));
      case "array" -> options.add(arrays(name, schema));
      case "object" -> options.add(fixed(name, "not an object", NODES.textNode("text"), NODES.numberNode(42),
          NODES.arrayNode(), NODES.booleanNode(true)));
      default -> {
        // unknown schema type: only the wrong shapes below
      }
    }
    if (!"object".equals(OpenApi.type(schema))) {
      options.add(fixed(name, "an object for a scalar", object("a", 1)));
    }
    return Arbitraries.oneOf(options);
  }

  private static Arbitrary<Mutation> strings(String name, JsonNode schema) {
    List<Arbitrary<Mutation>> options = new ArrayList<>();
    options.add(fixed(name, "not text", NODES.numberNode(42), NODES.numberNode(4.2), NODES.booleanNode(true),
        NODES.arrayNode().add("a"), object("text", "x")));
    options.add(huge(name, HUGE).map(m -> m));
    options.add(fixed(name, "a NUL character", NODES.textNode("a\u0000b")));
    if (schema.has("maxLength")) {
      int max = schema.get("maxLength").asInt();
      options.add(Arbitraries.integers().between(max + 1, max + 64)
          .map(n -> new Mutation(name, "longer than " + max, NODES.textNode("x".repeat(n)))));
      options.add(Arbitraries.of(UNICODE).list().ofMinSize(max + 1).ofMaxSize(max + 8)
          .map(pieces -> new Mutation(name, "unicode longer than " + max, NODES.textNode(String.join("", pieces)))));
    }
    if (schema.has("enum") || "date".equals(schema.path("format").asText())) {
      if (schema.has("enum")) {
        String first = schema.get("enum").get(0).asText();
        options.add(fixed(name, "not one of the values", NODES.textNode("NOT_A_VALUE"), NODES.textNode(""),
            NODES.textNode(first.toLowerCase()), NODES.textNode(" " + first), NODES.numberNode(1), NODES.numberNode(0)));
      } else {
        options.add(fixed(name, "not a date", NODES.textNode("2027-02-30"), NODES.textNode("20270101"),
            NODES.numberNode(20270101), NODES.textNode("01/02/2027"), NODES.textNode("2027-13-01"),
            NODES.textNode("yesterday"), NODES.textNode("2027-1-1"), NODES.numberNode(-1)));
      }
    }
    if (schema.has("pattern")) {
      options.add(fixed(name, "not matching " + schema.get("pattern").asText(), NODES.textNode("a b!"),
          NODES.textNode("ü"), NODES.textNode("-")));
    }
    return Arbitraries.oneOf(options);
  }

  private static Arbitrary<Mutation> huge(String name, int length) {
    return Arbitraries.of(UNICODE).map(piece -> new Mutation(name, "huge text (" + length + ")",
        NODES.textNode(piece.repeat(length / piece.length() + 1))));
  }

  private static Arbitrary<Mutation> numbers(String name, JsonNode schema) {
    boolean integer = "integer".equals(OpenApi.type(schema));
    List<Arbitrary<Mutation>> options = new ArrayList<>();
    options.add(fixed(name, "enormous", NODES.numberNode(new BigDecimal("1e308")), NODES.numberNode(TWO_TO_THE_70),
        NODES.numberNode(TWO_TO_THE_70.negate()), NODES.numberNode(new BigDecimal("-1e308")),
        NODES.numberNode(new BigDecimal("1e999")), NODES.numberNode(new BigDecimal("9".repeat(40)))));
    options.add(fixed(name, "not a number", NODES.textNode("12"), NODES.textNode("abc"), NODES.booleanNode(true),
        NODES.arrayNode().add(1)));
    if (integer) {
      options.add(fixed(name, "not whole", NODES.numberNode(new BigDecimal("2.7")), NODES.numberNode(new BigDecimal("1e-3"))));
    } else {
      options.add(fixed(name, "more decimals than cents", NODES.numberNode(new BigDecimal("1.001")),
          NODES.numberNode(new BigDecimal("1e-300"))));
    }
    BigDecimal minimum = bound(schema, "minimum", "exclusiveMinimum");
    if (minimum != null && minimum.signum() >= 0) {
      options.add(Arbitraries.bigDecimals().between(new BigDecimal("-1000000000"), new BigDecimal("-1")).ofScale(0)
          .map(n -> new Mutation(name, "negative", NODES.numberNode(n))));
    }
    BigDecimal maximum = bound(schema, "maximum", "exclusiveMaximum");
    if (maximum != null) {
      options.add(Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("1000")).ofScale(0)
          .map(n -> new Mutation(name, "above " + maximum, NODES.numberNode(maximum.add(n)))));
    }
    return Arbitraries.oneOf(options);
  }

  private static BigDecimal bound(JsonNode schema, String inclusive, String exclusive) {
    if (schema.path(inclusive).isNumber()) {
      return schema.get(inclusive).decimalValue();
    }
    if (schema.path(exclusive).isNumber()) {
      return schema.get(exclusive).decimalValue();
    }
    return null;
  }

  private static Arbitrary<Mutation> arrays(String name, JsonNode schema) {
    List<Arbitrary<Mutation>> options = new ArrayList<>();
    options.add(fixed(name, "null inside the list", NODES.arrayNode().addNull(), NODES.arrayNode().add("x").addNull()));
    options.add(fixed(name, "not a list", NODES.textNode("a"), NODES.numberNode(1), object("a", 1)));
    if (schema.has("maxItems")) {
      int max = schema.get("maxItems").asInt();
      options.add(Arbitraries.just(new Mutation(name, "more than " + max + " items", repeat(max + 1))));
    }
    return Arbitraries.oneOf(options);
  }

  private static ArrayNode repeat(int n) {
    ArrayNode array = NODES.arrayNode();
    for (int i = 0; i < n; i++) {
      array.addNull();
    }
    return array;
  }

  static Arbitrary<Mutation> fixed(String name, String description, JsonNode... values) {
    return Arbitraries.of(values).map(v -> new Mutation(name, description, v));
  }

  static ObjectNode object(String key, Object value) {
    ObjectNode object = NODES.objectNode();
    object.set(key, Http.JSON.valueToTree(value));
    return object;
  }

  // ---- whole requests ----

  /** Bodies that are not the JSON object the operation reads. */
  static Arbitrary<String> malformed(String valid) {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, Math.max(1, valid.length() - 1)).map(cut -> valid.substring(0, cut)),
        Arbitraries.of("", "{", "}", "{,}", "[]", "null", "42", "\"text\"", "true", "{\"a\":}", "{'a': 1}",
            valid + "}", valid + " x", valid.replaceFirst("\\{", "{\"unexpectedField\": 1, "),
            valid.replaceFirst("\\{\"([^\"]+)\"", "{\"$1\": null, \"$1\""),
            "[".repeat(3000) + "]".repeat(3000), "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}"));
  }

  static Arbitrary<String> wrongContentTypes() {
    return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/octet-stream", "text/html");
  }

  /** Values for a path segment that must never reach a handler as they are, or name nothing. */
  static Arbitrary<String> badPathSegments() {
    return Arbitraries.oneOf(
        Arbitraries.of("..", "%2e%2e", "a%2Fb", "%2F", "a%00b", "%00", "a;b", "a%25b", "a%5Cb", "%C0%AE",
            "NO-SUCH-THING", "PRJ-9999-9999", "-1", "0", "99999999999999999999999", "1e308", "%F0%9F%92%A5",
            "%E2%80%AE", "x".repeat(9000)),
        Arbitraries.of(UNICODE).list().ofMinSize(1).ofMaxSize(20)
            .map(pieces -> URLEncoder.encode(String.join("", pieces), StandardCharsets.UTF_8)));
  }

  /** Values for a query parameter that break its schema (the name is checked in the answer). */
  static Arbitrary<String> badQueryValues(JsonNode schema) {
    // longer than Tomcat takes in a request head (8 KB): refused before any parameter is read
    List<String> values = new ArrayList<>(List.of("x".repeat(9000)));
    switch (OpenApi.type(schema)) {
      case "integer", "number" -> values.addAll(List.of("9".repeat(4000), "abc", "1.5", "1e308", "99999999999999999999999", "%00",
          "12abc", "true"));
      case "boolean" -> values.addAll(List.of("yes", "2", "maybe"));
      default -> {
        if (schema.has("enum")) {
          values.addAll(List.of("NOT_A_VALUE", "%00"));
        }
      }
    }
    return Arbitraries.of(values);
  }
}
