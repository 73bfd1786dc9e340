package io.openpmo.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openpmo.project.ProjectMapper;
import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Initiation as integrations and Tasklist meet it through the engine REST API: starting (valid and
 * invalid), the start form, review tasks completed over REST, and the decisions evaluated directly.
 */
class InitiationEngineRestTest extends AppTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProjectMapper projects;
  @Autowired JdbcTemplate jdbc;

  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  long projectCount() {
    return jdbc.queryForObject("SELECT count(*) FROM project", Long.class);
  }

  long instanceCount() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("projectInitiation").count();
  }

  @Test
  void startingWithInvalidVariablesIs400AndLeavesNothingBehind() {
    long projects = projectCount();
    long instances = instanceCount();
    Map<String, Object> invalid = new LinkedHashMap<>(Requests.asFormVariables(Requests.small("Invalid start")));
    invalid.put("budget", -10);
    invalid.remove("sponsor");
    Http.Response response = http("rita").post("/engine-rest/process-definition/key/projectInitiation/start",
        typed(invalid));
    assertThat(response.status()).isEqualTo(400);
    // every field at once, named by the label of the start form, without a technical prefix
    assertThat(response.json().get("message").asText())
        .isEqualTo("Please correct 2 fields: Budget must be greater than 0. Sponsor must not be blank.");
    assertThat(projectCount()).isEqualTo(projects);
    assertThat(instanceCount()).isEqualTo(instances);
  }

  @Test
  void startingWithoutPermissionIs403() {
    Http.Response response = http("fiona").post("/engine-rest/process-definition/key/projectInitiation/start",
        typed(Requests.asFormVariables(Requests.small("Not a requester"))));
    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void tasklistStartFormRegistersTheRequestForTheAuthenticatedRequester() {
    Http rita = http("rita");
    Http.Response form = rita.get("/engine-rest/process-definition/key/projectInitiation/deployed-start-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("project-request");

    Http.Response started = rita.post("/engine-rest/process-definition/key/projectInitiation/submit-form",
        typed(Requests.asFormVariables(Requests.small("Started from Tasklist"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String code = started.json().get("businessKey").asText();
    assertThat(code).startsWith("PRJ-");
    assertThat(projects.findByCode(code)).hasValueSatisfying(p -> {
      assertThat(p.requester()).isEqualTo("rita");
      assertThat(p.riskTier()).isNotNull();
    });
    // only references stay in the process, not the request
    Map<String, Object> variables = runtimeService.getVariables(started.json().get("id").asText());
    assertThat(variables).containsKeys("projectId", "projectCode", "riskTier").doesNotContainKeys("title", "budget",
        "description");
  }

  @Test
  void reviewsCompletedOverRestFollowTheSameRules() {
    Http rita = http("rita");
    Map<String, Object> request = Requests.asFormVariables(Requests.small("Reviewed over REST"));
    JsonNode started = rita.post("/engine-rest/process-definition/key/projectInitiation/start", typed(request)).json();
    String instance = started.get("id").asText();
    String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();

    // the requester cannot claim the review of their own request: 403 with the reason
    Http.Response selfClaim = rita.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "rita"));
    assertThat(selfClaim.status()).isEqualTo(403);

    // the PMO reviewer claims, reads the form, and completes without a comment for a REJECT: 400
    Http petra = http("petra");
    assertThat(petra.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "petra")).status()).isEqualTo(204);
    Http.Response form = petra.get("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(form.json().get("subjectSummary").get("value").asText()).contains("Reviewed over REST");
    Http.Response noComment = petra.post("/engine-rest/task/" + taskId + "/complete",
        typed(Map.of("decision", "REJECT")));
    assertThat(noComment.status()).isEqualTo(400);
    assertThat(noComment.json().get("message").asText())
        .isEqualTo("Please correct the form: Reason is required: say why you chose “Reject”.");

    Http.Response approve = petra.post("/engine-rest/task/" + taskId + "/submit-form", typed(Map.of("decision", "APPROVE",
        "conflictOfInterest", false)));
    assertThat(approve.status()).as(approve.body()).isEqualTo(204);
    assertThat(projects.findByCode(started.get("businessKey").asText()).orElseThrow().status().name())
        .isEqualTo("APPROVED");
  }

  @Test
  void everyFormReferenceResolvesToADeployedForm() {
    List<String> deployedForms = repositoryService.createDeploymentQuery().list().stream()
        .flatMap(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream())
        .filter(name -> name.endsWith(".form"))
        .map(name -> name.substring(name.lastIndexOf('/') + 1, name.length() - ".form".length()))
        .toList();
    int references = 0;
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() != null) {
          assertThat(deployedForms).as(task.getId()).contains(task.getCamundaFormRef());
          references++;
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          assertThat(deployedForms).as(start.getId()).contains(start.getCamundaFormRef());
          references++;
        }
      }
    }
    assertThat(references).isGreaterThanOrEqualTo(5);
  }

  @Test
  void decisionsEvaluateDirectlyThroughTheEngineRestApi() {
    Http bot = http("integrationbot");
    Map<String, Object> risk = new LinkedHashMap<>();
    risk.put("budget", 3_000_000);
    risk.put("complexity", "HIGH");
    risk.put("dataClassification", "STRICTLY_CONFIDENTIAL");
    risk.put("personalData", true);
    risk.put("thirdParty", "CRITICAL_OUTSOURCING");
    risk.put("criticalFunction", true);
    risk.put("newTechnology", false);
    risk.put("durationMonths", 24);
    JsonNode riskResult = bot.post("/engine-rest/decision-definition/key/projectRisk/evaluate", typed(risk)).json();
    // 20 + 20 + 20 + 10 + 25 + 20 + 0 + 10 = 125
    assertThat(riskResult.get(0).get("riskScore").get("value").asInt()).isEqualTo(125);
    assertThat(riskResult.get(0).get("riskTier").get("value").asText()).isEqualTo("CRITICAL");

    Map<String, Object> priority = new LinkedHashMap<>();
    priority.put("projectType", "REGULATORY");
    priority.put("strategicAlignment", 2);
    priority.put("expectedAnnualBenefit", 0);
    priority.put("budget", 500_000);
    priority.put("monthsToRegulatoryDeadline", 9);
    JsonNode priorityResult = bot.post("/engine-rest/decision-definition/key/projectPriority/evaluate",
        typed(priority)).json();
    // 8 + 0 + 25 + 10 = 43, but regulatory within 12 months is P1 whatever the score
    assertThat(priorityResult.get(0).get("priorityScore").get("value").asInt()).isEqualTo(43);
    assertThat(priorityResult.get(0).get("priorityClass").get("value").asText()).isEqualTo("P1");

    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("budget", 300_000);
    routing.put("riskTier", "MEDIUM");
    routing.put("thirdParty", "NONE");
    routing.put("criticalFunction", false);
    routing.put("personalData", false);
    routing.put("dataClassification", "INTERNAL");
    routing.put("projectType", "RUN");
    routing.put("newTechnology", true);
    JsonNode routingResult = bot.post("/engine-rest/decision-definition/key/approvalRouting/evaluate",
        typed(routing)).json();
    assertThat(routingResult.findValuesAsText("value")).containsExactlyInAnyOrder("pmo", "finance", "infosec");
  }
}
