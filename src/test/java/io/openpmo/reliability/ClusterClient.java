package io.openpmo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A client of the cluster as a load balancer would pass it on: HTTP Basic as one user, JSON, a time-out on every
 * request. A request that gets no answer (connection refused or reset, time-out) is {@link Answer#NO_ANSWER}.
 */
final class ClusterClient {

  static final Duration TIMEOUT = Duration.ofSeconds(20);

  final String user;
  private final String authorization;
  private final HttpClient client;

  ClusterClient(String user, String password) {
    this.user = user;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  /** What a request got back: a status (0 when no answer came) and the body. */
  record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
    static final int NO_ANSWER = 0;

    boolean answered() {
      return status != NO_ANSWER;
    }

    JsonNode json() {
      try {
        return Http.JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    boolean replayed() {
      return headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("Idempotent-Replayed")
          && e.getValue().contains("true"));
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  Answer get(Node node, String path) {
    return send(request(node, path).GET());
  }

  Answer post(Node node, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = request(node, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    headers.forEach(request::header);
    return send(request);
  }

  Answer put(Node node, String path, Object body) {
    return send(request(node, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  private static String json(Object body) {
    try {
      return body instanceof String text ? text : Http.JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private HttpRequest.Builder request(Node node, String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port + path))
        .timeout(TIMEOUT).header("Accept", "application/json, application/problem+json");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      return new Answer(Answer.NO_ANSWER, String.valueOf(e), Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Answer.NO_ANSWER, "interrupted", Map.of());
    }
  }
}
