package io.openpmo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real browser for the webapp tests: headless Chromium (the Debian package's {@code /usr/bin/chromium}, or the
 * binary named by the system property {@code openpmo.chromium}) driven over the Chrome DevTools Protocol with the
 * JDK's WebSocket client, so no driver and no download is needed at test time. One page per instance: navigate,
 * evaluate JavaScript (promises awaited), wait for a condition by polling, click and type as a person does (mouse
 * and keyboard events), and screenshots. A missing Chromium fails the test that asks for one, with the reason.
 */
public final class Chromium implements AutoCloseable {

  /** Where screenshots go (the test's own and those taken when a wait fails). */
  public static final Path SCREENSHOTS = Path.of("target", "chromium");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> console = Collections.synchronizedList(new ArrayList<>());
  private final String name;
  private int shots;

  /** A test JVM that ends without closing the browser (a time-out, a kill) takes it along. */
  private final Thread stopAtExit;

  private Chromium(String name, Process process, Path profile) {
    this.name = name;
    this.process = process;
    this.profile = profile;
    this.stopAtExit = new Thread(() -> stop(process), "chromium-stop");
    Runtime.getRuntime().addShutdownHook(stopAtExit);
  }

  /** Starts headless Chromium with a fresh profile and opens its one page; {@code name} names its screenshots. */
  public static Chromium start(String name) throws Exception {
    Path binary = Path.of(System.getProperty("openpmo.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(binary)) {
      throw new AssertionError("The browser tests need Chromium at " + binary + " (Debian: apt-get install chromium;"
          + " or -Dopenpmo.chromium=<path to chromium or chrome>). It is not there, so this test cannot run.");
    }
    Path profile = Files.createTempDirectory("openpmo-chromium");
    Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-extensions",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      URI browserSocket = devToolsAddress(process);
      URI page = pageSocket(browserSocket);
      Chromium chromium = new Chromium(name, process, profile);
      chromium.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(CALL_TIMEOUT)
          .buildAsync(page, chromium.new Listener()).get(30, TimeUnit.SECONDS);
      chromium.call("Page.enable", Map.of());
      chromium.call("Runtime.enable", Map.of());
      return chromium;
    } catch (Exception | AssertionError e) {
      stop(process);
      deleteQuietly(profile);
      throw e;
    }
  }

  private static URI devToolsAddress(Process process) throws Exception {
    CompletableFuture<URI> address = new CompletableFuture<>();
    StringBuilder said = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          Matcher matcher = DEVTOOLS.matcher(line);
          if (matcher.find()) {
            address.complete(URI.create(matcher.group(1)));
          } else if (!address.isDone()) {
            said.append(line).append('\n');
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      address.completeExceptionally(new AssertionError("Chromium ended without opening DevTools: " + said));
    }, "chromium-stderr");
    reader.setDaemon(true);
    reader.start();
    try {
      return address.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Chromium did not open DevTools within 60 s: " + said);
    } catch (java.util.concurrent.ExecutionException e) {
      throw (e.getCause() instanceof AssertionError a) ? a : new AssertionError(e.getCause());
    }
  }

  /** The WebSocket of the browser's page (the one opened with about:blank), from the DevTools HTTP endpoint. */
  private static URI pageSocket(URI browserSocket) throws Exception {
    URI list = URI.create("http://" + browserSocket.getHost() + ":" + browserSocket.getPort() + "/json/list");
    HttpClient http = HttpClient.newHttpClient();
    Instant until = Instant.now().plusSeconds(30);
    while (true) {
      HttpResponse<String> targets = http.send(HttpRequest.newBuilder(list).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : JSON.readTree(targets.body())) {
        if ("page".equals(target.path("type").asText())) {
          return URI.create(target.get("webSocketDebuggerUrl").asText());
        }
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("Chromium opened no page: " + targets.body());
      }
      pause(Duration.ofMillis(100));
    }
  }

  /** What a test does in the browser. */
  @FunctionalInterface
  public interface Journey {
    void run(Chromium browser) throws Exception;
  }

  /**
   * Runs the journey in a fresh browser, closed afterwards; a failure carries a screenshot of the page at that
   * moment and what the page logged.
   */
  public static void journey(String name, Journey journey) throws Exception {
    try (Chromium browser = start(name)) {
      try {
        journey.run(browser);
      } catch (Exception | AssertionError failure) {
        failure.addSuppressed(new AssertionError("screenshot at failure: " + browser.screenshot("failure")
            + "; HTML: " + browser.saveHtml("failure") + "; page console: " + browser.consoleMessages()));
        throw failure;
      }
    }
  }

  /** Sends a DevTools command and waits for its result. */
  public JsonNode call(String method, Map<String, ?> params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    try {
      send(JSON.writeValueAsString(message));
      JsonNode response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new IllegalStateException(method + " failed: " + response.get("error"));
      }
      return response.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (java.util.concurrent.ExecutionException | TimeoutException | IOException e) {
      throw new IllegalStateException(method + " got no answer from Chromium", e);
    } finally {
      pending.remove(id);
    }
  }

  /** One message at a time: the JDK's WebSocket refuses a send while another is under way. */
  private synchronized void send(String text) {
    try {
      socket.sendText(text, true).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sending to Chromium interrupted", e);
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Chromium did not take a message", e);
    }
  }

  /** Opens an address in the page (redirects are followed as the browser does). */
  public void navigate(String url) {
    JsonNode result = call("Page.navigate", Map.of("url", url));
    if (result.hasNonNull("errorText")) {
      throw new AssertionError("Chromium could not open " + url + ": " + result.get("errorText").asText());
    }
  }

  /** Evaluates a JavaScript expression in the page (a promise is awaited) and returns its JSON value. */
  public JsonNode eval(String expression) {
    JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
        "returnByValue", true, "userGesture", true));
    if (result.has("exceptionDetails")) {
      JsonNode details = result.get("exceptionDetails");
      throw new IllegalStateException("JavaScript failed: " + details.path("exception").path("description")
          .asText(details.path("text").asText()) + "\n in: " + expression);
    }
    return result.path("result").path("value");
  }

  /** The page's address now. */
  public String url() {
    return eval("location.href").asText();
  }

  /**
   * Waits until the JavaScript expression is truthy, polling; on time-out saves a screenshot and fails naming what
   * it waited for, where the page was and what the page logged.
   */
  public JsonNode waitFor(String what, String expression, Duration timeout) {
    Instant until = Instant.now().plus(timeout);
    String lastError = null;
    while (true) {
      try {
        JsonNode value = eval(expression);
        if (!value.isMissingNode() && !value.isNull() && !(value.isBoolean() && !value.asBoolean())
            && !(value.isTextual() && value.asText().isEmpty()) && !(value.isNumber() && value.asDouble() == 0)) {
          return value;
        }
      } catch (IllegalStateException e) {
        // a page being replaced by the next one: try again
        lastError = e.getMessage();
      }
      if (Instant.now().isAfter(until)) {
        Path shot = screenshot("timeout");
        Path html = saveHtml("timeout");
        throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + " in vain. Page: "
            + safeUrl() + "; screenshot: " + shot + "; HTML: " + html
            + (lastError == null ? "" : "; last error: " + lastError)
            + "; console: " + consoleMessages());
      }
      pause(Duration.ofMillis(150));
    }
  }

  public JsonNode waitFor(String what, String expression) {
    return waitFor(what, expression, Duration.ofSeconds(30));
  }

  private String safeUrl() {
    try {
      return url();
    } catch (RuntimeException e) {
      return "(unknown: " + e.getMessage() + ")";
    }
  }

  /**
   * Clicks the element the expression returns, with the mouse at its centre, as a person does: waits until it is
   * there, visible, still (not moving any more after scrolling it into view) and not covered by another element.
   */
  public void click(String what, String elementExpression) {
    JsonNode box = waitFor(what + " to be visible and free", "(async () => { const el = " + elementExpression + ";"
        + " if (!el) return null; el.scrollIntoView({block: 'center', behavior: 'instant'});"
        + " const a = el.getBoundingClientRect();"
        + " await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));"
        + " const r = el.getBoundingClientRect();"
        + " if (r.width === 0 || r.height === 0 || r.left !== a.left || r.top !== a.top) return null;"
        + " const x = r.left + r.width / 2, y = r.top + r.height / 2; const hit = document.elementFromPoint(x, y);"
        + " const free = !!hit && (hit === el || el.contains(hit) || hit.control === el);"
        + " return free ? {x, y} : null; })()");
    double x = box.get("x").asDouble();
    double y = box.get("y").asDouble();
    call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
    call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left",
        "clickCount", 1));
    call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left",
        "clickCount", 1));
  }

  /**
   * Clicks until the expression {@code done} holds: a page that redraws itself (Tasklist reloads a task's form
   * after a claim) may lose a click made a moment before.
   */
  public void clickUntil(String what, String elementExpression, String done) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    do {
      click(what, elementExpression);
      if (holdsWithin(done, Duration.ofSeconds(3))) {
        return;
      }
    } while (Instant.now().isBefore(until));
    waitFor(what + " to take effect", done, Duration.ZERO);
  }

  /** Clicks into the element and types the text, as from the keyboard. */
  public void type(String what, String elementExpression, String text) {
    click(what, elementExpression);
    call("Input.insertText", Map.of("text", text));
  }

  /** Types the text into the field (replacing what it holds) until the field holds exactly that text. */
  public void fill(String what, String fieldExpression, String text) {
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    String holds = "(" + fieldExpression + ")?.value === " + JSON.valueToTree(text);
    do {
      click(what, fieldExpression);
      eval("(" + fieldExpression + ").select()");
      call("Input.insertText", Map.of("text", text));
      if (holdsWithin(holds, Duration.ofSeconds(3))) {
        return;
      }
    } while (Instant.now().isBefore(until));
    waitFor(what + " to hold the text typed", holds, Duration.ZERO);
  }

  private boolean holdsWithin(String expression, Duration duration) {
    Instant until = Instant.now().plus(duration);
    do {
      try {
        if (eval("!!(" + expression + ")").asBoolean()) {
          return true;
        }
      } catch (IllegalStateException e) {
        // the page is being redrawn
      }
      pause(Duration.ofMillis(100));
    } while (Instant.now().isBefore(until));
    return false;
  }

  /** Saves a PNG of the page under {@link #SCREENSHOTS} and returns its path (null if the browser cannot). */
  public Path screenshot(String label) {
    try {
      JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", name, ++shots, label));
      Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
      return file.toAbsolutePath();
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }

  /** Saves the page's HTML as it is now (the DOM, not the source) beside the screenshots. */
  public Path saveHtml(String label) {
    try {
      String html = eval("document.documentElement.outerHTML").asText();
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.html", name, ++shots, label));
      Files.writeString(file, html);
      return file.toAbsolutePath();
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }

  /** What the page logged (console messages and uncaught exceptions), for failure messages. */
  public List<String> consoleMessages() {
    synchronized (console) {
      return List.copyOf(console);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    stop(process);
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException e) {
      // the JVM is exiting already
    }
    deleteQuietly(profile);
  }

  /** Ends the browser and its helper processes (renderers, GPU, zygote), which a crashed parent would leave. */
  private static void stop(Process process) {
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  /** Answers to commands (by id) and the page's console; text frames may arrive in parts. */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
              answer.complete(message);
            }
          } else {
            String method = message.path("method").asText();
            if (method.equals("Runtime.consoleAPICalled")) {
              StringBuilder line = new StringBuilder(message.path("params").path("type").asText()).append(':');
              message.path("params").path("args").forEach(arg -> line.append(' ')
                  .append(arg.has("value") ? arg.get("value").asText() : arg.path("description").asText()));
              console.add(line.toString());
            } else if (method.equals("Page.javascriptDialogOpening")) {
              // an alert or confirm would block the page (and every evaluation) until answered: accept, note it
              console.add("dialog: " + message.path("params").path("message").asText());
              ObjectNode accept = JSON.createObjectNode().put("id", ids.incrementAndGet())
                  .put("method", "Page.handleJavaScriptDialog");
              accept.putObject("params").put("accept", true);
              CompletableFuture.runAsync(() -> send(accept.toString()));
            } else if (method.equals("Runtime.exceptionThrown")) {
              console.add("exception: " + message.path("params").path("exceptionDetails").path("exception")
                  .path("description").asText());
            }
          }
        } catch (IOException e) {
          console.add("unreadable DevTools message: " + e.getMessage());
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
