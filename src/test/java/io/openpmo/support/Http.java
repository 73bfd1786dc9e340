package io.openpmo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small real HTTP client for tests: HTTP Basic as a user, JSON in and out, cookies kept. */
public final class Http {

  public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private final int port;
  private final String authorization;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private final Map<String, String> extraHeaders = new LinkedHashMap<>();

  public Http(int port, String user, String password) {
    this.port = port;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  private Http(int port, CookieHandler cookieHandler) {
    this.port = port;
    this.authorization = null;
    this.client = HttpClient.newBuilder().cookieHandler(cookieHandler).build();
  }

  /**
   * A browser behind a TLS-terminating proxy: the app marks its cookies Secure (it is told it is served over
   * HTTPS), the test talks plain HTTP to it, and the cookies are sent back all the same.
   */
  public static Http behindTlsProxy(int port) {
    Http[] http = new Http[1];
    http[0] = new Http(port, new CookieHandler() {
      @Override
      public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String cookies = http[0].cookies.getCookieStore().getCookies().stream()
            .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
        return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies));
      }

      @Override
      public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        http[0].cookies.put(uri, responseHeaders);
      }
    });
    return http[0];
  }

  /** The value of a cookie the server set, if any. */
  public java.util.Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst();
  }

  /** Logs in to a Camunda webapp as a browser does: fetch the CSRF cookie, post the login form with it. */
  public Response webappLogin(String app, String user, String password) {
    get("/camunda/app/" + app + "/default/");
    header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElseThrow(() -> new IllegalStateException("no CSRF cookie")));
    Response login = postForm("/camunda/api/admin/auth/user/default/login/" + app,
        Map.of("username", user, "password", password));
    // a new session comes with a new token
    get("/camunda/api/admin/auth/user/default");
    cookie("XSRF-TOKEN").ifPresent(token -> header("X-XSRF-TOKEN", token));
    return login;
  }

  public Http header(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  /** A GET whose answer is binary (a PDF, say): the bytes as they came. */
  public BinaryResponse getBinary(String path) {
    HttpResponse<byte[]> response = exchange(builder(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
    return new BinaryResponse(response.statusCode(), response.body(), response.headers().map());
  }

  public Response post(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").POST(bodyOf(body)));
  }

  public Response put(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").PUT(bodyOf(body)));
  }

  public Response patch(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json").method("PATCH", bodyOf(body)));
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  public Response postForm(String path, Map<String, String> fields) {
    StringBuilder form = new StringBuilder();
    fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
        .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  /** multipart/form-data with text fields and files (name to content), as Camunda Modeler deploys. */
  public Response postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files) {
    String boundary = "----openpmo" + UUID.randomUUID();
    List<byte[]> parts = new ArrayList<>();
    fields.forEach((name, value) -> parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    files.forEach((name, content) -> {
      parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      parts.add(content);
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    });
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json, application/problem+json, */*");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    extraHeaders.forEach(builder::header);
    return builder;
  }

  private static HttpRequest.BodyPublisher bodyOf(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return HttpRequest.BodyPublishers.ofString(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Response send(HttpRequest.Builder request) {
    HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body(), response.headers().map());
  }

  private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request.build(), body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What came back, as bytes. */
  public record BinaryResponse(int status, byte[] body, Map<String, List<String>> headers) {
    public List<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).toList();
    }

    /** The body as text, for error answers. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What came back. */
  public record Response(int status, String body, Map<String, List<String>> headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    public List<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).toList();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
