package io.openpmo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openpmo.fuzz.BadInputs.Field;
import io.openpmo.fuzz.OpenApi.Operation;
import io.openpmo.fuzz.OpenApi.Param;
import io.openpmo.support.Http;
import io.openpmo.support.Journeys;
import io.openpmo.support.RawHttp;
import io.openpmo.support.Requests;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A generated fuzz run (jqwik) over every operation of our OpenAPI document ({@code /v3/api-docs}) and over the two
 * engine REST calls that Tasklist makes for our forms: the start form of project initiation and the form of a
 * review task. Every case is certainly invalid (see {@link BadInputs}); each must be refused with a 4xx that names
 * the field (problem details on {@code /api/v1}, the engine's own JSON error on {@code /engine-rest}), never a 5xx,
 * and must leave every table as it was (row counts of ours and of the engine's runtime and history tables, and the
 * content of ours). The number of cases is jqwik's {@code jqwik.tries.default}: a few hundred in
 * {@code ./mvnw verify}, thousands with {@code ./mvnw -Pfuzz verify}; the counts are printed at the end.
 */
@Tag("fuzz")
@PropertyDefaults(shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
class BadInputFuzzTest {

  /** One request the run sends, and what it breaks. */
  record Case(String operation, String kind, String field, String method, String target, String user,
      String contentType, String body, Map<String, String> headers, boolean engine) {
    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "...(" + body.length() + ")" : body;
      return operation + " [" + kind + (field == null ? "" : " " + field) + "] " + method + " "
          + (target.length() > 200 ? target.substring(0, 200) + "..." : target) + " " + contentType + " " + shown;
    }
  }

  static ApplicationContext context;
  static int port;
  static OpenApi api;
  static List<Operation> operations;
  static Footprint footprint;
  static final Map<String, ObjectNode> EXAMPLES = new LinkedHashMap<>();
  static final Map<String, String> PATH_VALUES = new LinkedHashMap<>();
  static ObjectNode startForm;
  static ObjectNode reviewForm;
  static String reviewTask;
  static final Map<String, AtomicInteger> STATUSES = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> OPERATIONS = new ConcurrentHashMap<>();
  static final AtomicInteger CASES = new AtomicInteger();

  @BeforeContainer
  static void fixture() throws Exception {
    context = FuzzTarget.context();
    port = FuzzTarget.port(context);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Journeys journeys = Journeys.of(context);
    api = new OpenApi(new Http(port, null, null).get("/v3/api-docs").json());
    operations = api.operations();

    // a project in delivery with an open gate condition, a risk and a baseline milestone; one in planning
    String delivery = journeys.approved(Requests.small("Fuzz delivery"));
    journeys.plan(delivery, "paul", Journeys.plan("100000", List.of()));
    journeys.checklist(delivery, "paul", List.of());
    journeys.gate(delivery, "GO_WITH_CONDITIONS", Map.of("conditions", "Name a deputy"));
    String planning = journeys.approved(Requests.small("Fuzz planning"));
    long condition = jdbc.queryForObject("SELECT min(c.id) FROM gate_condition c JOIN project p ON p.id = c.project_id"
        + " WHERE p.code = ? AND c.status = 'OPEN'", Long.class, delivery);
    long milestone = jdbc.queryForObject("SELECT min(m.id) FROM baseline_milestone m JOIN baseline b"
        + " ON b.id = m.baseline_id JOIN project p ON p.id = b.project_id WHERE p.code = ? AND b.status = 'IN_FORCE'",
        Long.class, delivery);
    Http petra = new Http(port, "petra", "demo");
    JsonNode risk = petra.post("/api/v1/projects/" + delivery + "/register", Map.of("kind", "RISK", "title",
        "Vendor late", "severity", "LOW", "probability", 2, "impact", 3, "owner", "paul")).json();
    long resource = petra.get("/api/v1/resources").json().get(0).get("id").asLong();
    PATH_VALUES.put("code", delivery);
    PATH_VALUES.put("planning", planning);
    PATH_VALUES.put("condition", Long.toString(condition));
    PATH_VALUES.put("risk", risk.get("id").asText());
    PATH_VALUES.put("resource", Long.toString(resource));
    String objective = "OBJ-FUZZ-" + (System.nanoTime() % 100000);
    assertThat(petra.post("/api/v1/objectives", Map.of("code", objective, "name", "Fuzz objective", "owner", "sam",
        "kpi", "Cases refused", "target", "All", "periodFrom", "2027-01", "periodTo", "2027-12")).status())
        .isEqualTo(201);
    JsonNode scenario = petra.post("/api/v1/scenarios", Map.of("name", "Fuzz scenario", "periodFrom", "2027-01",
        "months", 12, "budgetTotal", 1_000_000)).json();
    PATH_VALUES.put("objective", objective);
    PATH_VALUES.put("scenario", scenario.get("scenario").get("code").asText());
    PATH_VALUES.put("projectCode", scenario.get("candidates").size() > 0
        ? scenario.get("candidates").get(0).get("projectCode").asText() : planning);

    // a valid body for every operation that takes one: each case breaks one thing of it
    LocalDate start = LocalDate.now().plusMonths(1);
    example("POST /api/v1/projects", Requests.small("Fuzz request"));
    example("PUT /api/v1/projects/{code}/plan", Map.of("budgetAtCompletion", 100000, "startDate", start.toString(),
        "endDate", start.plusMonths(6).toString(),
        "milestones", List.of(Map.of("name", "Design signed off", "dueDate", start.plusMonths(2).toString())),
        "allocations", List.of(Map.of("role", "TESTER", "month", start.toString().substring(0, 7), "fte", 0.5))));
    example("POST /api/v1/projects/{code}/status-reports", Map.of("percentComplete", 10, "actualCostToDate", 1000,
        "notes", "On track", "milestones", List.of(Map.of("milestoneId", milestone, "status", "ON_TRACK"))));
    example("POST /api/v1/projects/{code}/register", Map.of("kind", "ISSUE", "title", "Test data late",
        "description", "The test data arrives a week late", "severity", "LOW", "owner", "paul", "status", "OPEN",
        "dueDate", start.toString()));
    example("PATCH /api/v1/projects/{code}/register/{id}", Map.of("severity", "MEDIUM", "title", "Vendor later"));
    example("POST /api/v1/projects/{code}/change-requests", Map.of("title", "More testing", "reason",
        "Defects found", "scopeChange", false, "delayDays", 5, "costDelta", 1000, "riskImpact", "LOW",
        "regulatoryImpact", false, "emergency", false));
    example("POST /api/v1/projects/{code}/gate-conditions/{id}/closure", Map.of("status", "MET", "note", "Done"));
    example("POST /api/v1/projects/{code}/cancellation", Map.of("reason", "The sponsor withdrew the budget"));
    example("POST /api/v1/projects/{code}/lessons", Map.of("wentWell", "Team", "toImprove", "Planning",
        "recommendations", "Plan test data early", "tags", List.of("testing")));
    // withdrawal of the project in delivery: refused whatever the body (409), so a body that slips through shows
    example("POST /api/v1/projects/{code}/withdrawal", Map.of("reason", "No longer needed"));
    example("POST /api/v1/resources", Map.of("name", "Fuzz Person", "role", "DEVELOPER", "qualification", "SENIOR",
        "monthlyCapacityFte", 1.0, "active", true));
    example("PUT /api/v1/resources/{id}", Map.of("name", "Fuzz Person", "role", "DEVELOPER", "qualification",
        "SENIOR", "monthlyCapacityFte", 1.0, "active", true));
    example("POST /api/v1/objectives", Map.of("code", "OBJ-OTHER", "name", "Another objective", "owner", "sam",
        "kpi", "Share of digital sales", "target", "60%", "periodFrom", "2027-01", "periodTo", "2027-12",
        "weight", 3));
    example("PUT /api/v1/objectives/{code}", Map.of("code", objective, "name", "Fuzz objective", "owner", "sam",
        "kpi", "Cases refused", "target", "All", "periodFrom", "2027-01", "periodTo", "2027-12", "weight", 4,
        "active", true));
    example("POST /api/v1/scenarios", Map.of("name", "Plan 2028", "periodFrom", "2028-01", "months", 12,
        "budgetTotal", 2_000_000, "quarterBudgets", Map.of("2028-Q1", 500_000)));
    example("PATCH /api/v1/scenarios/{code}", Map.of("name", "Plan 2027, revised", "budgetTotal", 1_200_000));
    example("PATCH /api/v1/scenarios/{code}/candidates/{projectCode}", Map.of("pin", "IN", "mandatory", false,
        "earliestStart", "2027-02", "latestStart", "2027-06",
        "demand", List.of(Map.of("role", "DEVELOPER", "fte", 0.5))));
    example("POST /api/v1/portfolio-reviews", Map.of("periodFrom", "2027-01", "months", 12));
    // petra (PMO) names a deputy for herself a month ahead: a case that breaks one field is refused, none is written
    example("POST /api/v1/deputies", Map.of("deputy", "pierre", "validFrom", start.toString(),
        "validTo", start.plusDays(5).toString(), "reason", "Annual leave"));
    example("POST /api/v1/reports/board-packs", Map.of("periodFrom", "2026-10-01", "periodTo", "2026-10-31"));
    example("POST /api/v1/model-changes/{code}/rollback", Map.of("reason", "Finance from 250k again"));
    for (Operation operation : operations) {
      if (operation.body() != null) {
        assertThat(EXAMPLES).as("a valid example body for " + operation.key()).containsKey(operation.key());
      }
    }

    // the Tasklist forms: the start form of initiation, and a review claimed by petra
    startForm = BadInputs.NODES.objectNode();
    Requests.asFormVariables(Requests.small("Fuzz start form"))
        .forEach((name, value) -> startForm.set(name, BadInputs.object("value", value)));
    String review = journeys.submit("rita", Requests.small("Fuzz review")).code();
    TaskService tasks = context.getBean(TaskService.class);
    reviewTask = journeys.task(review, "pmo").getId();
    tasks.claim(reviewTask, "petra");
    reviewForm = BadInputs.NODES.objectNode();
    reviewForm.set("decision", BadInputs.object("value", "REWORK"));
    reviewForm.set("comment", BadInputs.object("value", "Please add the business case"));
    reviewForm.set("conflictOfInterest", BadInputs.object("value", false));

    footprint = new Footprint(jdbc);
  }

  /** Dates as ISO text, no nulls: the JSON an integration sends. */
  static final com.fasterxml.jackson.databind.ObjectMapper EXAMPLE_JSON = com.fasterxml.jackson.databind.json.JsonMapper
      .builder().addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();

  static void example(String operation, Object body) {
    EXAMPLES.put(operation, (ObjectNode) EXAMPLE_JSON.valueToTree(body));
  }

  @AfterContainer
  static void report() {
    if (footprint == null) {
      return;   // the fixture failed: jqwik reports why
    }
    System.out.println("Fuzz run: " + CASES.get() + " bad requests over " + OPERATIONS.size() + " operations ("
        + operations.size() + " in /v3/api-docs + 2 Tasklist form calls); answers " + new TreeMap<>(statusCounts())
        + "; 5xx: " + statusCounts().entrySet().stream().filter(e -> e.getKey().startsWith("5"))
            .mapToInt(Map.Entry::getValue).sum() + "; tables watched: " + footprint.tables());
    System.out.println("Cases per operation: " + new TreeMap<>(OPERATIONS));
    FINDINGS.forEach(finding -> System.out.println("FINDING " + finding));
  }

  static Map<String, Integer> statusCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    STATUSES.forEach((status, n) -> counts.put(status, n.get()));
    return counts;
  }

  // ---- /api/v1 ----

  @Property
  void everyBadApiRequestIsRefusedWithProblemDetailsAndWritesNothing(@ForAll("apiCases") Case request) {
    explore(request, () -> {
      RawHttp.Reply reply = sendAndCheckNothingWritten(request);
      assertThat(reply.status()).as(request + " -> " + reply).isBetween(400, 499);
      assertThat(reply.isProblem()).as(request + " -> " + reply).isTrue();
      if (reply.status() == 400 && request.field() != null) {
        assertThat(reply.body()).as("the answer names the field: " + request + " -> " + reply).contains(request.field());
      }
    });
  }

  /** {@code -Dfuzz.explore=true}: go on after a failure and list every distinct one at the end. */
  static final List<String> FINDINGS = java.util.Collections.synchronizedList(new ArrayList<>());

  static void explore(Case request, Runnable check) {
    if (!Boolean.getBoolean("fuzz.explore")) {
      check.run();
      return;
    }
    try {
      check.run();
    } catch (AssertionError e) {
      String line = e.getMessage().replaceAll("\\s+", " ");
      FINDINGS.add(line.length() > 900 ? line.substring(0, 900) : line);
    }
  }

  @Provide
  Arbitrary<Case> apiCases() {
    return Arbitraries.of(operations).flatMap(this::casesFor);
  }

  private Arbitrary<Case> casesFor(Operation operation) {
    List<Arbitrary<Case>> kinds = new ArrayList<>();
    String user = operation.key().equals("POST /api/v1/projects") ? "integrationbot" : "petra";
    String target = target(operation, Map.of());
    ObjectNode example = EXAMPLES.get(operation.key());
    if (example != null) {
      String valid = example.toString();
      List<Field> fields = BadInputs.fields(api, operation.body(), example);
      kinds.add(Arbitraries.of(fields).flatMap(field -> BadInputs.mutations(field).map(mutation ->
          new Case(operation.key(), mutation.description(), field.leaf(), operation.method(), target, user,
              "application/json", BadInputs.apply(example, field, mutation).toString(), Map.of(), false))));
      kinds.add(Arbitraries.of(fields).map(field -> {
        // an unknown field next to a known one (at the top or inside a nested object)
        ObjectNode extra = example.deepCopy();
        extra.put("unexpectedField", "x");
        return new Case(operation.key(), "unknown field", "unexpectedField", operation.method(), target, user,
            "application/json", extra.toString(), Map.of(), false);
      }));
      kinds.add(BadInputs.malformed(valid).map(body -> new Case(operation.key(), "malformed JSON", null,
          operation.method(), target, user, "application/json", body, Map.of(), false)));
      kinds.add(BadInputs.wrongContentTypes().map(type -> new Case(operation.key(), "content type", null,
          operation.method(), target, user, type, valid, Map.of(), false)));
    }
    for (Param param : operation.params("query")) {
      // the other required parameters with a plausible value, so that the answer is about this one
      StringBuilder others = new StringBuilder();
      operation.params("query").stream().filter(other -> other.required() && !other.name().equals(param.name()))
          .forEach(other -> others.append(other.name()).append("=1&"));
      kinds.add(BadInputs.badQueryValues(param.schema()).map(value -> new Case(operation.key(), "query",
          value.length() > 8000 || value.contains("%00") ? null : param.name(), operation.method(),
          target + (target.contains("?") ? "&" : "?") + others + param.name() + "=" + value, user,
          example == null ? null : "application/json",
          example == null ? null : example.toString(), Map.of(), false)));
    }
    for (Param param : operation.params("header")) {
      kinds.add(Arbitraries.of("x".repeat(101), "x".repeat(5000)).map(value -> new Case(operation.key(), "header",
          param.name(), operation.method(), target, user, "application/json",
          example == null ? null : example.toString(), Map.of(param.name(), value), false)));
    }
    for (Param param : operation.params("path")) {
      kinds.add(BadInputs.badPathSegments().map(value -> new Case(operation.key(), "path", null, operation.method(),
          target(operation, Map.of(param.name(), value)), user, example == null ? null : "application/json",
          example == null ? null : example.toString(), Map.of(), false)));
    }
    List<String> otherMethods = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
    operations.stream().filter(o -> o.path().equals(operation.path())).forEach(o -> otherMethods.remove(o.method()));
    if (!otherMethods.isEmpty()) {
      kinds.add(Arbitraries.of(otherMethods).map(method -> new Case(operation.key(), "method", null, method, target,
          user, "application/json", example == null ? null : example.toString(), Map.of(), false)));
    }
    return Arbitraries.oneOf(kinds);
  }

  /** The path with the fixture's values (or the given bad ones) in its variables. */
  static String target(Operation operation, Map<String, String> overrides) {
    String path = operation.path();
    String code = path.endsWith("/plan") ? PATH_VALUES.get("planning")
        : path.startsWith("/api/v1/objectives/") ? PATH_VALUES.get("objective")
        : path.startsWith("/api/v1/scenarios/") ? PATH_VALUES.get("scenario") : PATH_VALUES.get("code");
    String id = path.contains("/register/") ? PATH_VALUES.get("risk")
        : path.contains("/gate-conditions/") ? PATH_VALUES.get("condition")
        : path.contains("/resources/") ? PATH_VALUES.get("resource") : "1";
    path = path.replace("{code}", overrides.getOrDefault("code", code)).replace("{id}", overrides.getOrDefault("id", id));
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      path = path.replace("{" + override.getKey() + "}", override.getValue());
    }
    // any other path variable (a sequence number, say): a plausible value
    return path.replaceAll("\\{[^}/]+}", "1");
  }

  // ---- the engine REST calls of Tasklist's forms ----

  @Property
  void everyBadFormSubmissionIsRefusedAndWritesNothing(@ForAll("formCases") Case request) {
    explore(request, () -> {
      RawHttp.Reply reply = sendAndCheckNothingWritten(request);
      assertThat(reply.status()).as(request + " -> " + reply).isBetween(400, 499);
      assertThat(reply.contentType()).as(request + " -> " + reply).contains("json");
      if (reply.status() == 400 && request.field() != null) {
        // Tasklist shows the answer to a person: the field by its label on the form (or its name in words)
        assertThat(FormFields.names(request.field())).as("the answer names the field: " + request + " -> " + reply)
            .anySatisfy(name -> assertThat(reply.body()).contains(name));
      }
      assertThat(context.getBean(TaskService.class).createTaskQuery().taskId(reviewTask).count())
          .as("the review is still open after " + request).isEqualTo(1);
    });
  }

  @Provide
  Arbitrary<Case> formCases() {
    return Arbitraries.oneOf(
        formCases("POST /engine-rest/process-definition/key/projectInitiation/submit-form", "rita", startForm,
            FormFields.START),
        formCases("POST /engine-rest/task/{id}/submit-form", "petra", reviewForm, FormFields.REVIEW));
  }

  private Arbitrary<Case> formCases(String operation, String user, ObjectNode variables, Map<String, String> types) {
    String target = operation.substring(5).replace("{id}", reviewTask);
    List<Arbitrary<Case>> kinds = new ArrayList<>();
    kinds.add(Arbitraries.of(new ArrayList<>(types.keySet())).flatMap(name ->
        FormFields.mutations(name, types.get(name)).map(mutation -> {
          ObjectNode body = BadInputs.NODES.objectNode();
          ObjectNode changed = variables.deepCopy();
          if (mutation.removes()) {
            changed.remove(name);
          } else {
            changed.set(name, mutation.value());
          }
          body.set("variables", changed);
          return new Case(operation, mutation.description(), name, "POST", target, user, "application/json",
              body.toString(), Map.of(), true);
        })));
    // a variable the form does not declare (the engine guard refuses it: a form sets only its own fields)
    kinds.add(Arbitraries.of("undeclaredField", "requester", "projectId", "approved", "committeesToDecide")
        .map(name -> {
          ObjectNode body = BadInputs.NODES.objectNode();
          ObjectNode changed = variables.deepCopy();
          changed.set(name, FormFields.value(BadInputs.NODES.textNode("x"), null));
          body.set("variables", changed);
          return new Case(operation, "undeclared variable", null, "POST", target, user, "application/json",
              body.toString(), Map.of(), true);
        }));
    String valid = BadInputs.NODES.objectNode().set("variables", variables).toString();
    // the engine's own JSON reading takes the last of duplicate keys and ignores unknown top-level fields: not bad
    // input there (the fields of the form are what is checked, below)
    kinds.add(BadInputs.malformed(valid).filter(body -> !body.contains("unexpectedField") && !body.contains(": null, \""))
        .map(body -> new Case(operation, "malformed JSON", null, "POST", target, user, "application/json", body,
            Map.of(), true)));
    kinds.add(BadInputs.wrongContentTypes().map(type -> new Case(operation, "content type", null, "POST", target,
        user, type, valid, Map.of(), true)));
    return Arbitraries.oneOf(kinds);
  }

  // ----

  private static RawHttp.Reply sendAndCheckNothingWritten(Case request) {
    Map<String, Object> before = footprint.take();
    RawHttp.Reply reply = RawHttp.send(port, request.method(), request.target(), request.user(), request.contentType(),
        request.body(), request.headers());
    Map<String, Object> after = footprint.take();
    CASES.incrementAndGet();
    STATUSES.computeIfAbsent(Integer.toString(reply.status()), s -> new AtomicInteger()).incrementAndGet();
    OPERATIONS.computeIfAbsent(request.operation(), o -> new AtomicInteger()).incrementAndGet();
    assertThat(Footprint.changes(before, after)).as("nothing written by " + request + " -> " + reply).isEmpty();
    return reply;
  }
}
