package io.openpmo.modelchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.support.Http;
import io.openpmo.support.People;
import io.openpmo.support.PostgresAppTest;
import io.openpmo.support.Requests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Model governance on PostgreSQL, as process owners, reviewers and administrators meet it: Camunda Modeler's deploy
 * button (engine REST API) and our API; each broken model of issue 14 refused with its reason and nothing deployed;
 * the four-eyes rule; the simulation's numbers on a seeded history; a rollback; an emergency deployment; deletions
 * refused; a restart with changed shipped models that keeps the approved policy. After each test the shipped models
 * are put back in force, so that the other tests of this JVM meet the policy they expect.
 */
class ModelChangePostgresTest extends PostgresAppTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ModelsInForce inForce;
  @Autowired ModelDeployer deployer;
  @Autowired ModelChangeMapper mapper;
  @Autowired ModelChecks checks;
  @Autowired ShippedModels shippedModels;

  static final String ROUTING = "dmn/approval-routing.dmn";
  static final String FINANCE_FROM_250K = "<text>&gt;= 250000</text>";
  static final String FINANCE_FROM_100K = "<text>&gt;= 100000</text>";

  @AfterEach
  void restoreTheShippedModels() {
    for (String instance : runtimeService.createProcessInstanceQuery().processDefinitionKey("modelChange").list()
        .stream().map(i -> i.getId()).toList()) {
      runtimeService.deleteProcessInstance(instance, "test over");
    }
    List<ModelFile> shipped = ShippedModels.scan();
    Map<String, ModelVersion> current = inForce.current();
    List<ModelFile> differ = shipped.stream()
        .filter(f -> current.get(f.name()) == null || !current.get(f.name()).sha256().equals(f.sha256())).toList();
    if (!differ.isEmpty()) {
      deployer.deploy(differ, ModelVersion.SHIPPED, null, "test: shipped models back in force");
    }
    for (ModelFile file : shipped) {
      mapper.updateShipped(new ModelChangeMapper.Shipped(file.name(), file.sha256(), null,
          java.time.OffsetDateTime.now()));
    }
  }

  // ------------------------------------------------------------------ helpers

  static String repositoryFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] edited(String path, String from, String to) {
    String text = repositoryFile(path);
    assertThat(text).as(path).contains(from);
    return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  /** Camunda Modeler's deploy button: multipart to /engine-rest/deployment/create, the deployment name as reason. */
  Http.Response modelerDeploy(String user, String deploymentName, Map<String, byte[]> files) {
    return http(user).postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", deploymentName,
        "deployment-source", "Camunda Modeler", "enable-duplicate-filtering", "true"), files);
  }

  Http.Response propose(String user, String reason, Map<String, byte[]> files, Integer simulationSize) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reason", reason);
    if (simulationSize != null) {
      fields.put("simulationSize", simulationSize.toString());
    }
    return http(user).postMultipart("/api/v1/model-changes", fields, files);
  }

  /** approvalRouting with finance from 100k, and the test cases that say so. */
  static Map<String, byte[]> financeFrom100k() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("approval-routing.dmn", edited(ROUTING, FINANCE_FROM_250K, FINANCE_FROM_100K));
    files.put("approvalRouting.csv", repositoryFile("dmn/tests/approvalRouting.csv")
        .replace("100000,LOW,NONE,false,false,INTERNAL,RUN,false,pmo\n",
            "99999,LOW,NONE,false,false,INTERNAL,RUN,false,pmo\n100000,LOW,NONE,false,false,INTERNAL,RUN,false,pmo|finance\n")
        .replace("249999,LOW,NONE,false,false,INTERNAL,RUN,false,pmo\n",
            "249999,LOW,NONE,false,false,INTERNAL,RUN,false,pmo|finance\n")
        .replaceAll("(?m)^100000,(.*),pmo\\|", "100000,$1,pmo|finance|")
        .getBytes(StandardCharsets.UTF_8));
    return files;
  }

  long deployments() {
    return repositoryService.createDeploymentQuery().count();
  }

  String inForceSha(String file) {
    return inForce.current().get(file).sha256();
  }

  Task reviewTask(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
  }

  Http.Response claim(String user, Task task) {
    return http(user).post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
  }

  Http.Response complete(String user, Task task, String decision, String comment) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("decision", Map.of("value", decision));
    if (comment != null) {
      variables.put("comment", Map.of("value", comment));
    }
    return http(user).post("/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
  }

  void approve(String user, String code) {
    Task task = reviewTask(code);
    assertThat(claim(user, task).status()).isEqualTo(204);
    Http.Response done = complete(user, task, "APPROVE", "Checked the simulation");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  JsonNode lastAudit(String action) {
    String details = jdbc.queryForObject("SELECT details FROM audit_event WHERE action = ? ORDER BY id DESC"
        + " LIMIT 1", String.class, action);
    try {
      return Http.JSON.readTree(details);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  People people() {
    return new People(identityService);
  }

  // ------------------------------------------------------------------ the checks

  @Test
  void theShippedModelsPassEveryCheck() {
    assertThat(checks.check(ShippedModels.scan(), Map.of())).isEmpty();
  }

  static Stream<Arguments> brokenModels() {
    return Stream.of(
        Arguments.of("unparseable FEEL", ROUTING, FINANCE_FROM_250K, "<text>&gt;= 250 000 and</text>",
            CheckProblem.FEEL, "is not valid FEEL", "InputEntry_FinanceFromBudget250k_Budget"),
        Arguments.of("overlapping rules in a UNIQUE table", "dmn/project-risk.dmn", "<text>[25..49]</text>",
            "<text>[20..49]</text>", CheckProblem.OVERLAP, "both match when riskScore", "Rule_TierMedium"),
        Arguments.of("a misspelt delegate bean", "processes/project-initiation.bpmn", "${registerRequestDelegate}",
            "${registerRequestDelegat}", CheckProblem.CODE, "names no delegate or listener", "Task_RegisterRequest"),
        Arguments.of("a formRef to a missing form", "processes/change-request.bpmn", "camunda:formRef=\"change-impact\"",
            "camunda:formRef=\"change-impakt\"", CheckProblem.REFERENCE, "'change-impakt', which no form defines",
            "Task_AssessImpact"),
        Arguments.of("a form without id", "forms/change-decision.form", "\"id\": \"change-decision\",", "",
            CheckProblem.FORM, "has no \"id\"", null),
        Arguments.of("a form with an unknown component", "forms/change-decision.form", "\"type\": \"checkbox\"",
            "\"type\": \"signaturepad\"", CheckProblem.FORM, "unknown type \"signaturepad\"", null),
        Arguments.of("a renamed message the code correlates", "processes/project-initiation.bpmn",
            "name=\"WithdrawRequest\"", "name=\"WithdrawProjectRequest\"", CheckProblem.CONTRACT,
            "no message named 'WithdrawRequest'", "projectInitiation"),
        Arguments.of("a decision table the engine cannot read", "dmn/project-health.dmn", "</definitions>",
            "</definition>", CheckProblem.PARSE, "the engine refuses it", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenModels")
  void aBrokenModelDeployedFromModelerIsRefusedWithItsReasonAndNothingIsDeployed(String what, String file,
      String from, String to, String check, String reason, String element) {
    long deploymentsBefore = deployments();
    String shaBefore = inForceSha(file);

    Http.Response response = modelerDeploy("otto", "Try " + what, Map.of(ModelFile.baseName(file),
        edited(file, from, to)));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    String message = response.json().get("message").asText();
    assertThat(message).contains("Not deployed").contains("refused by its checks").contains(file).contains(reason);
    if (element != null) {
      assertThat(message).contains("element '" + element + "'");
    }
    assertThat(deployments()).isEqualTo(deploymentsBefore);
    assertThat(inForceSha(file)).isEqualTo(shaBefore);
    // the refused proposal is on record with every problem by file, element and line
    long id = jdbc.queryForObject("SELECT max(id) FROM model_change", Long.class);
    assertThat(jdbc.queryForObject("SELECT status FROM model_change WHERE id = ?", String.class, id))
        .isEqualTo(ModelChange.CHECKS_FAILED);
    List<CheckProblem> problems = mapper.findChecks(id);
    assertThat(problems).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo(file);
      assertThat(p.check()).isEqualTo(check);
      assertThat(p.message()).contains(reason);
      if (element != null) {
        assertThat(p.elementId()).isEqualTo(element);
        assertThat(p.line()).isPositive();
      }
    });
    assertThat(lastAudit("MODEL_CHANGE_REFUSED_BY_CHECKS").get("modelChange").asText()).isEqualTo("MC-" + id);
  }

  @Test
  void theApiAnswersRefusedChecksAsAProblemDetailWithEveryProblem() {
    Http.Response response = propose("otto", "Overlapping tiers", Map.of("project-risk.dmn",
        edited("dmn/project-risk.dmn", "<text>[25..49]</text>", "<text>[20..49]</text>")), null);

    assertThat(response.status()).as(response.body()).isEqualTo(422);
    JsonNode problem = response.json();
    assertThat(problem.get("title").asText()).isEqualTo("Model change refused by its checks");
    assertThat(problem.get("modelChange").asText()).startsWith("MC-");
    assertThat(problem.get("problems")).anySatisfy(p -> {
      assertThat(p.get("file").asText()).isEqualTo("dmn/project-risk.dmn");
      assertThat(p.get("elementId").asText()).isEqualTo("Rule_TierMedium");
      assertThat(p.get("line").asInt()).isPositive();
    });
  }

  @Test
  void aModelerDeploymentWithoutAReasonIsRefusedAndFilesNothing() {
    long changes = jdbc.queryForObject("SELECT count(*) FROM model_change", Long.class);
    Http.Response response = modelerDeploy("otto", "approval-routing", Map.of("approval-routing.dmn",
        repositoryFile(ROUTING).getBytes(StandardCharsets.UTF_8)));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains("Deployment name").contains("reason");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM model_change", Long.class)).isEqualTo(changes);
  }

  @Test
  void deployingTheSameFilesAgainFromModelerAnswersTheProposalInReview() {
    long changes = jdbc.queryForObject("SELECT count(*) FROM model_change", Long.class);
    Map<String, byte[]> files = financeFrom100k();

    Http.Response first = modelerDeploy("otto", "Finance from 100k", files);
    Http.Response again = modelerDeploy("otto", "Finance from 100k, once more", files);

    assertThat(first.status()).as(first.body()).isEqualTo(403);
    assertThat(again.status()).isEqualTo(403);
    String code = first.json().get("message").asText().replaceAll("(?s).*model change (MC-\\d+).*", "$1");
    assertThat(again.json().get("message").asText()).contains("already model change " + code + " ");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM model_change", Long.class)).isEqualTo(changes + 1);
  }

  @Test
  void badInputIsA400NamingTheFieldAndWritesNothing() {
    long changes = jdbc.queryForObject("SELECT count(*) FROM model_change", Long.class);
    Http.Response response = propose("otto", " ", Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)),
        0);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText())
        .contains("reason", "simulationSize", "files[notes.txt]");
    assertThat(propose("rita", "I want finance later", financeFrom100k(), null).status()).isEqualTo(403);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM model_change", Long.class)).isEqualTo(changes);
  }

  // ------------------------------------------------------------------ four eyes, deployment, rollback

  @Test
  void theProposerNeverApprovesASecondPersonDoesAndOnlyThenIsItDeployedOnTheRecord() {
    // paula is both a process owner and a member of the PMO
    people().user("paula", "processOwners", "pmo");
    String shippedSha = inForceSha(ROUTING);
    long deploymentsBefore = deployments();

    Http.Response proposed = propose("paula", "Finance reviews from 100k (audit finding 2026-14)",
        financeFrom100k(), 20);

    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    String code = proposed.json().get("code").asText();
    assertThat(proposed.json().get("status").asText()).isEqualTo(ModelChange.IN_REVIEW);
    assertThat(deployments()).isEqualTo(deploymentsBefore);
    Task task = reviewTask(code);
    assertThat(task.getName()).contains(code).contains("(PMO or Compliance)");

    // the proposer may not take her own change, although she is in the PMO
    Http.Response own = claim("paula", task);
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("message").asText())
        .contains("proposed model change " + code + ", so you may not review it.");
    // a process owner who is no reviewer may not either
    assertThat(claim("otto", task).status()).isEqualTo(403);
    assertThat(inForceSha(ROUTING)).isEqualTo(shippedSha);

    // a second person approves: deployed by the system
    approve("petra", code);

    JsonNode change = http("audrey").get("/api/v1/model-changes/" + code).json();
    assertThat(change.get("status").asText()).isEqualTo(ModelChange.DEPLOYED);
    assertThat(change.get("decidedBy").asText()).isEqualTo("petra");
    ModelVersion routing = inForce.current().get(ROUTING);
    assertThat(routing.origin()).isEqualTo(ModelVersion.APPROVED);
    assertThat(ModelChange.code(routing.modelChangeId())).isEqualTo(code);
    assertThat(routing.deploymentId()).isEqualTo(change.get("deploymentId").asText());
    JsonNode audit = lastAudit("MODEL_CHANGE_DEPLOYED");
    assertThat(audit.get("modelChange").asText()).isEqualTo(code);
    assertThat(audit.get("proposedBy").asText()).isEqualTo("paula");
    assertThat(audit.get("approvedBy").asText()).isEqualTo("petra");
    assertThat(audit.get("reason").asText()).contains("audit finding 2026-14");
    assertThat(audit.get("files").get("count").asInt()).isEqualTo(2);
    assertThat(audit.get("files").get("contentDigest").asText()).hasSize(64);
    assertThat(audit.get("files").get("list")).anySatisfy(f -> {
      assertThat(f.get("file").asText()).isEqualTo(ROUTING);
      assertThat(f.get("sha256").asText()).isEqualTo(routing.sha256());
      assertThat(f.get("replaces").asText()).isEqualTo(shippedSha);
    });

    // the new policy decides the next request, and the project says which version decided it
    SubmissionResult next = journeys().submit("rita", Requests.withBudget(Requests.small("Routed by " + code),
        "150000"));
    assertThat(next.requiredApprovals()).contains("finance");
    JsonNode view = http("petra").get("/api/v1/projects/" + next.code()).json();
    JsonNode routingDecision = null;
    for (JsonNode evaluation : view.get("decisionRules")) {
      if ("approvalRouting".equals(evaluation.get("decision").asText())) {
        routingDecision = evaluation;
      }
    }
    assertThat(routingDecision).isNotNull();
    assertThat(routingDecision.get("decidedBy").get("modelChange").asText()).isEqualTo(code);
    assertThat(routingDecision.get("decidedBy").get("version").asInt()).isGreaterThan(1);
    assertThat(view.get("decisionVersions")).anySatisfy(use -> {
      assertThat(use.get("decision").asText()).isEqualTo("approvalRouting");
      assertThat(use.get("outcome").asText()).contains("finance");
      assertThat(use.get("decidedBy").get("modelChange").asText()).isEqualTo(code);
    });
    // the approved change exports as files for the repository
    Http.BinaryResponse zip = http("otto").getBinary("/api/v1/model-changes/" + code + "/export");
    assertThat(zip.status()).isEqualTo(200);
    assertThat(unzip(zip.body())).containsKeys(ROUTING, "dmn/tests/approvalRouting.csv", "MODEL-CHANGE-" + code + ".md");

    // rollback is a proposal of the earlier version, reviewed like any other
    Http.Response rollback = http("otto").post("/api/v1/model-changes/" + code + "/rollback",
        Map.of("reason", "Finance is overloaded"));
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
    String rollbackCode = rollback.json().get("code").asText();
    assertThat(rollback.json().get("kind").asText()).isEqualTo(ModelChange.ROLLBACK);
    assertThat(rollback.json().get("rollbackOf").asText()).isEqualTo(code);
    approve("carla", rollbackCode);
    assertThat(inForceSha(ROUTING)).isEqualTo(shippedSha);
    assertThat(journeys().submit("rita", Requests.withBudget(Requests.small("After rollback"), "150000"))
        .requiredApprovals()).containsExactly("pmo");
  }

  @Test
  void aChangeThatWasOvertakenIsNotDeployedOverTheNewerOne() {
    String first = propose("otto", "Finance from 100k", financeFrom100k(), 5).json().get("code").asText();
    Map<String, byte[]> other = new LinkedHashMap<>();
    other.put("approval-routing.dmn", edited(ROUTING, "<description>Budget 250k or more: finance</description>",
        "<description>Budget of 250k or more: finance reviews it</description>"));
    String second = propose("otto", "Clearer wording", other, 5).json().get("code").asText();
    approve("petra", second);

    Task task = reviewTask(first);
    assertThat(claim("carla", task).status()).isEqualTo(204);
    Http.Response late = complete("carla", task, "APPROVE", null);

    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("message").asText()).contains(first + " cannot be deployed").contains(second);
    assertThat(ModelChange.code(inForce.current().get(ROUTING).modelChangeId())).isEqualTo(second);
  }

  // ------------------------------------------------------------------ simulation

  @Test
  void theSimulationCountsWhichProjectsWouldBeRoutedDifferentlyAndWhichRuleCausesIt() {
    Map<String, String> seeded = new LinkedHashMap<>();
    for (String budget : List.of("80000", "120000", "180000", "99999", "240000", "300000")) {
      seeded.put(budget, journeys().submit("rita", Requests.withBudget(Requests.small("Seed " + budget), budget))
          .code());
    }

    Http.Response proposed = propose("otto", "Finance from 100k", financeFrom100k(), seeded.size());

    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    JsonNode decisions = proposed.json().get("simulation").get("decisions");
    assertThat(decisions).hasSize(1);
    JsonNode routing = decisions.get(0);
    assertThat(routing.get("decision").asText()).isEqualTo("approvalRouting");
    assertThat(routing.get("evaluated").asInt()).isEqualTo(6);
    assertThat(routing.get("reproduced").asInt()).isEqualTo(6);
    assertThat(routing.get("changed").asInt()).isEqualTo(3);
    assertThat(routing.get("projectsAffected").asInt()).isEqualTo(3);
    List<String> projects = new ArrayList<>();
    routing.get("projects").forEach(p -> projects.add(p.asText()));
    assertThat(projects).containsExactlyInAnyOrder(seeded.get("120000"), seeded.get("180000"), seeded.get("240000"));
    assertThat(routing.get("differences")).hasSize(3).allSatisfy(d -> {
      assertThat(d.get("from").asText()).isEqualTo("pmo");
      assertThat(d.get("to").asText()).isEqualTo("finance, pmo");
      assertThat(d.get("rulesNowFiring")).extracting(JsonNode::asText).containsExactly("Rule_FinanceFromBudget250k");
      assertThat(d.get("decidedByVersion").asInt()).isPositive();
    });
    assertThat(routing.get("rules")).singleElement().satisfies(rule -> {
      assertThat(rule.get("ruleId").asText()).isEqualTo("Rule_FinanceFromBudget250k");
      assertThat(rule.get("nowFires").asInt()).isEqualTo(3);
    });
    // the reviewer reads the same in Tasklist
    String code = proposed.json().get("code").asText();
    Task task = reviewTask(code);
    String summary = (String) taskService.getVariableLocal(task.getId(), "subjectSummary");
    assertThat(summary).contains("**3 would change**, for 3 project(s)").contains(seeded.get("180000"))
        .contains("pmo → **finance, pmo**").contains("Rule_FinanceFromBudget250k");
    // the processes that run the decision are not redeployed by a decision change
    assertThat(proposed.json().get("simulation").get("processes")).isEmpty();

    // the reviewer rejects: nothing is deployed
    String shaBefore = inForceSha(ROUTING);
    assertThat(claim("carla", task).status()).isEqualTo(204);
    assertThat(complete("carla", task, "REJECT", "Finance cannot take that load").status()).isEqualTo(204);
    assertThat(http("otto").get("/api/v1/model-changes/" + code).json().get("status").asText())
        .isEqualTo(ModelChange.REJECTED);
    assertThat(inForceSha(ROUTING)).isEqualTo(shaBefore);
  }

  @Test
  void aChangedProcessListsTheInstancesRunningOnEarlierVersionsWhichStayThere() {
    SubmissionResult running = journeys().submit("rita", Requests.small("Running on the old initiation"));
    Map<String, byte[]> files = Map.of("project-initiation.bpmn", edited("processes/project-initiation.bpmn",
        "name=\"Review project request\"", "name=\"Review the project request\""));

    Http.Response proposed = propose("otto", "Clearer task name", files, 1);

    assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("projectInitiation").count();
    assertThat(instances).isPositive();
    assertThat(proposed.json().get("simulation").get("processes")).singleElement().satisfies(p -> {
      assertThat(p.get("process").asText()).isEqualTo("projectInitiation");
      assertThat(p.get("effect").asText()).contains(instances + " running instance(s) stay on the version they"
          + " started on");
      long listed = 0;
      for (JsonNode version : p.get("running")) {
        listed += version.get("instances").asLong();
      }
      assertThat(listed).isEqualTo(instances);
    });
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(running.code()).count())
        .isPositive();
  }

  // ------------------------------------------------------------------ emergency and deletion

  @Test
  void anAdministratorDeploysDirectlyInAnEmergencyAfterTheChecksWithTheProcessThatUsesTheForm() {
    byte[] form = edited("forms/change-decision.form", "\"label\": \"Comment (optional)\"",
        "\"label\": \"Comment (optional, why)\"");

    Http.Response response = modelerDeploy("demo", "Emergency: comment label", Map.of("change-decision.form", form));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String deploymentId = response.json().get("id").asText();
    List<String> resources = repositoryService.getDeploymentResourceNames(deploymentId);
    assertThat(resources).contains("change-decision.form", "processes/change-request.bpmn", "forms/change-impact.form");
    ModelVersion version = inForce.current().get("forms/change-decision.form");
    assertThat(version.origin()).isEqualTo(ModelVersion.EMERGENCY);
    assertThat(version.sha256()).isEqualTo(ModelFile.sha256(form));
    JsonNode audit = lastAudit("MODEL_EMERGENCY_DEPLOYED");
    assertThat(audit.get("deployedBy").asText()).isEqualTo("demo");
    assertThat(audit.get("deploymentId").asText()).isEqualTo(deploymentId);
    assertThat(audit.get("files").get("list")).singleElement().satisfies(f -> assertThat(f.get("sha256").asText())
        .isEqualTo(ModelFile.sha256(form)));
    // the process that binds to the form was redeployed with it, its approval unchanged
    assertThat(inForce.current().get("processes/change-request.bpmn").deploymentId()).isEqualTo(deploymentId);
    assertThat(inForce.current().get("processes/change-request.bpmn").origin()).isNotEqualTo(ModelVersion.EMERGENCY);

    // the emergency path passes the same checks
    long before = deployments();
    Http.Response broken = modelerDeploy("demo", "Emergency: broken", Map.of("change-decision.form",
        edited("forms/change-decision.form", "\"id\": \"change-decision\",", "")));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().get("message").asText()).contains("has no \"id\"");
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void aDeploymentThatRanOrDecidedAnythingOrIsInForceIsNeverDeleted() {
    journeys().submit("rita", Requests.small("Keeps its process"));
    String initiation = inForce.current().get("processes/project-initiation.bpmn").deploymentId();

    Http.Response asAdmin = http("demo").delete("/engine-rest/deployment/" + initiation + "?cascade=true");

    assertThat(asAdmin.status()).isEqualTo(403);
    assertThat(asAdmin.json().get("message").asText()).contains("may not be deleted").contains("ran")
        .contains("in force");
    assertThatThrownBy(() -> repositoryService.deleteDeployment(initiation, true))
        .isInstanceOf(AuthorizationException.class);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(initiation).count()).isEqualTo(1);
    // what never ran and is not in force may go
    String probe = repositoryService.createDeployment().name("probe").addModelInstance("probe.bpmn",
        Bpmn.createExecutableProcess("deletionProbe").camundaHistoryTimeToLive(1).startEvent().endEvent().done())
        .deploy().getId();
    assertThat(http("demo").delete("/engine-rest/deployment/" + probe).status()).isEqualTo(204);
  }

  // ------------------------------------------------------------------ never silently undone

  @Test
  void aRestartWithChangedShippedModelsKeepsTheApprovedPolicyUnlessTheReleaseDeclaresItNewer() {
    String code = propose("otto", "Finance from 100k", financeFrom100k(), 1).json().get("code").asText();
    approve("pierre", code);
    String approvedSha = inForceSha(ROUTING);
    long deploymentsBefore = deployments();

    // the same release starts again: the approved version stays, the log and the report say so
    ShippedModels.Report same = shippedModels.reconcile(ShippedModels.scan());
    assertThat(same.deployed()).isEmpty();
    assertThat(same.kept()).containsKey(ROUTING);
    assertThat(same.kept().get(ROUTING)).contains(code).contains("the one the approved change replaced");

    // a release that changed the file without declaring it newer: still kept
    List<ModelFile> changedRelease = replaced(ShippedModels.scan(), ROUTING,
        edited(ROUTING, "<description>Budget 250k or more: finance</description>",
            "<description>Budget 250k or more: finance (reworded)</description>"));
    ShippedModels.Report reworded = shippedModels.reconcile(changedRelease);
    assertThat(reworded.deployed()).doesNotContain(ROUTING);
    assertThat(reworded.kept().get(ROUTING)).contains("does not declare a higher camunda:versionTag");
    assertThat(inForceSha(ROUTING)).isEqualTo(approvedSha);
    assertThat(deployments()).isEqualTo(deploymentsBefore);
    assertThat(routesToFinanceAt("150000")).isTrue();

    // a release that declares a higher version tag takes over
    List<ModelFile> newerRelease = replaced(ShippedModels.scan(), ROUTING, edited(ROUTING,
        "<decision id=\"approvalRouting\"", "<decision id=\"approvalRouting\" camunda:versionTag=\"2\""));
    ShippedModels.Report newer = shippedModels.reconcile(newerRelease);
    assertThat(newer.deployed()).contains(ROUTING, "dmn/tests/approvalRouting.csv");
    assertThat(inForce.current().get(ROUTING).origin()).isEqualTo(ModelVersion.SHIPPED);
    assertThat(inForce.current().get(ROUTING).versionTag()).isEqualTo("2");
    assertThat(routesToFinanceAt("150000")).isFalse();
  }

  private boolean routesToFinanceAt(String budget) {
    return journeys().submit("rita", Requests.withBudget(Requests.small("Routing probe " + budget), budget))
        .requiredApprovals().contains("finance");
  }

  private static List<ModelFile> replaced(List<ModelFile> files, String name, byte[] content) {
    List<ModelFile> result = new ArrayList<>();
    for (ModelFile file : files) {
      result.add(file.name().equals(name) ? ModelFile.of(name, content) : file);
    }
    return result;
  }

  private static Map<String, byte[]> unzip(byte[] zip) {
    Map<String, byte[]> entries = new HashMap<>();
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return entries;
  }
}
