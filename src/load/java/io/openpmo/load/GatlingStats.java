package io.openpmo.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gatling's statistics of a run, as its HTML report keeps them: the object literal {@code var stats = {...}} at the
 * top of {@code js/stats.js} (JSON but for unquoted keys).
 */
final class GatlingStats {

  private static final ObjectMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

  static JsonNode read(Path run) throws IOException {
    String script = Files.readString(run.resolve("js").resolve("stats.js"));
    try (JsonParser parser = LENIENT.createParser(script.substring(script.indexOf('{')))) {
      return LENIENT.readTree(parser);
    }
  }

  /** The statistics of the request or group with this name, anywhere in the tree. */
  static JsonNode find(JsonNode node, String name) {
    if (name.equals(node.path("name").asText()) && node.has("stats")) {
      return node.get("stats");
    }
    JsonNode contents = node.path("contents");
    for (JsonNode child : contents) {
      JsonNode found = find(child, name);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private GatlingStats() {
  }
}
