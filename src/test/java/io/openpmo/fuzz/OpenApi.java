package io.openpmo.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The operations of our OpenAPI document ({@code /v3/api-docs}), with their parameters and body schemas. */
final class OpenApi {

  /** A parameter in the path, the query or a header. */
  record Param(String name, String in, JsonNode schema, boolean required) {
  }

  /** One operation: method, path template, parameters and the schema of its JSON body (null without body). */
  record Operation(String method, String path, List<Param> params, JsonNode body) {
    String key() {
      return method + " " + path;
    }

    List<Param> params(String in) {
      return params.stream().filter(p -> p.in().equals(in)).toList();
    }

    @Override
    public String toString() {
      return key();
    }
  }

  private final JsonNode document;

  OpenApi(JsonNode document) {
    this.document = document;
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        List<Param> params = new ArrayList<>();
        for (JsonNode p : method.getValue().path("parameters")) {
          params.add(new Param(p.get("name").asText(), p.get("in").asText(), resolve(p.get("schema")),
              p.path("required").asBoolean(false)));
        }
        JsonNode body = method.getValue().path("requestBody").path("content").path("application/json").path("schema");
        operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), params,
            body.isMissingNode() ? null : resolve(body)));
      }
    }
    return operations;
  }

  /** The schema with its {@code $ref} (and a single {@code allOf}) followed. */
  JsonNode resolve(JsonNode schema) {
    if (schema == null) {
      return null;
    }
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return resolve(document.path("components").path("schemas").get(name));
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return resolve(schema.get("allOf").get(0));
    }
    return schema;
  }

  /** The schema's type: {@code string}, {@code integer}, ... (the first non-null one of a list of types). */
  static String type(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (!"null".equals(t.asText())) {
          return t.asText();
        }
      }
    }
    if (type.isTextual()) {
      return type.asText();
    }
    return schema.has("properties") ? "object" : "string";
  }
}
