package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openpmo.support.AppTest;
import io.openpmo.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each point of the security baseline (README, "Security"), over real HTTP where a user would meet it. */
class SecurityBaselineTest extends AppTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired ExpressionProbe probe;

  static final String PROBE_PROCESS = "securityProbe";

  @BeforeEach
  void deployProbeProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROBE_PROCESS).count() == 0) {
      repositoryService.createDeployment().name("security-probe")
          .addModelInstance("security-probe.bpmn", Bpmn.createExecutableProcess(PROBE_PROCESS)
              .camundaHistoryTimeToLive(1)
              .startEvent("StartEvent_Probe")
              .userTask("Task_ProbeReview").name("Review probe").camundaCandidateGroups(Groups.FINANCE)
              .endEvent("EndEvent_Probe")
              .done())
          .deploy();
    }
  }

  private ProcessInstance startProbe() {
    return runtimeService.startProcessInstanceByKey(PROBE_PROCESS);
  }

  @Nested
  class Authentication {

    @Test
    void engineRestAndApiAnswer401WithoutCredentials() {
      for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/deployment",
          "/engine-rest/user", "/api/v1/audit/events")) {
        Http.Response response = anonymous().get(path);
        assertThat(response.status()).as(path).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).as(path).anyMatch(h -> h.startsWith("Basic"));
      }
    }

    @Test
    void engineListStaysOpen() {
      Http.Response response = anonymous().get("/engine-rest/engine");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get(0).get("name").asText()).isEqualTo("default");
    }

    @Test
    void wrongPasswordIsRefused() {
      // a user of its own: after a failed attempt the engine delays further logins of that user
      if (identityService.createUserQuery().userId("throttled").count() == 0) {
        var user = identityService.newUser("throttled");
        user.setPassword("right");
        identityService.saveUser(user);
      }
      assertThat(new Http(port, "throttled", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
      assertThat(new Http(port, "nobody", "demo").get("/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void identityServiceUsersLogIn() {
      assertThat(http("rita").get("/engine-rest/task").status()).isEqualTo(200);
    }
  }

  @Nested
  class GrantsPerGroup {

    @Test
    void requestersMayStartInitiationButReviewersMayNot() {
      assertThat(authorized("rita", Groups.REQUESTERS, Permissions.CREATE_INSTANCE,
          Resources.PROCESS_DEFINITION, "projectInitiation")).isTrue();
      assertThat(authorized("fiona", Groups.FINANCE, Permissions.CREATE_INSTANCE,
          Resources.PROCESS_DEFINITION, "projectInitiation")).isFalse();
    }

    @Test
    void integrationsMayStartProcessesButNotManageUsersOrDeploy() {
      assertThat(authorized("integrationbot", Groups.INTEGRATIONS, Permissions.CREATE_INSTANCE,
          Resources.PROCESS_DEFINITION, "projectInitiation")).isTrue();
      Http bot = http("integrationbot");
      Http.Response createUser = bot.post("/engine-rest/user/create",
          Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "x")));
      assertThat(createUser.status()).isEqualTo(403);
      assertThat(bot.post("/engine-rest/group/create", Map.of("id", "mallories")).status()).isEqualTo(403);
      assertThat(bot.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
          "userId", "integrationbot", "resourceType", 0, "resourceId", "*")).status()).isEqualTo(403);
      assertThat(deploy(bot, "bot.bpmn", trivialModel("botProcess")).status()).isEqualTo(403);
      assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    }

    @Test
    void processOwnersProposeAndOnlyAdministratorsDeployDirectly() {
      assertThat(deploy(http("rita"), "rita.bpmn", trivialModel("ritaProcess")).status()).isEqualTo(403);
      assertThat(deploy(http("petra"), "petra.bpmn", trivialModel("petraProcess")).status()).isEqualTo(403);
      // a process owner's deployment becomes a proposal: not deployed, and the answer says what happens next
      Http.Response byOwner = deploy(http("otto"), "otto.bpmn", trivialModel("ottoProcess"));
      assertThat(byOwner.status()).isEqualTo(403);
      assertThat(byOwner.json().get("message").asText()).contains("Not deployed yet").contains("model change MC-")
          .contains("pmo or compliance");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("ottoProcess").count())
          .isZero();
      // camunda-admin keeps the emergency path: deployed at once, on the record
      Http.Response byAdmin = deploy(http("demo"), "admin.bpmn", trivialModel("adminProcess"));
      assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("adminProcess").count())
          .isEqualTo(1);
      // a deployment whose models are in force is not deleted, not even by an administrator
      Http.Response delete = http("demo").delete("/engine-rest/deployment/" + byAdmin.json().get("id").asText());
      assertThat(delete.status()).isEqualTo(403);
      assertThat(delete.json().get("message").asText()).contains("may not be deleted").contains("in force");
    }

    @Test
    void reviewersSeeAndWorkOnlyTheTasksOfTheirGroups() {
      ProcessInstance instance = startProbe();
      String query = "/engine-rest/task?processInstanceId=" + instance.getId();
      assertThat(http("fiona").get(query).json()).hasSize(1);
      assertThat(http("rick").get(query).json()).isEmpty();
      assertThat(http("rita").get(query).json()).isEmpty();
      // the PMO oversees every open task, but may not work on another group's task
      assertThat(http("petra").get(query).json()).hasSize(1);
      String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      assertThat(http("rick").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "rick")).status())
          .isEqualTo(403);
      assertThat(http("petra").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "petra")).status())
          .isEqualTo(403);
      assertThat(http("fiona").post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "fiona")).status())
          .isEqualTo(204);
    }

    @Test
    void auditorsReadHistoryButChangeNothing() {
      ProcessInstance instance = startProbe();
      String history = "/engine-rest/history/process-instance?processInstanceId=" + instance.getId();
      assertThat(http("audrey").get(history).json()).hasSize(1);
      assertThat(http("rick").get(history).json()).isEmpty();
      assertThat(http("audrey").delete("/engine-rest/process-instance/" + instance.getId()).status())
          .isEqualTo(403);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
    }

    private boolean authorized(String user, String group, Permissions permission, Resources resource, String id) {
      return authorizationService.isUserAuthorized(user, List.of(group), permission, resource, id);
    }
  }

  @Nested
  class QueryExpressions {

    static final String ATTACK = "${expressionProbe.touch()}";

    @Test
    void adHocTaskQueryExpressionIsRejected() {
      Http.Response response = http("rita").get("/engine-rest/task?assigneeExpression="
          + java.net.URLEncoder.encode(ATTACK, StandardCharsets.UTF_8));
      assertThat(response.status()).isEqualTo(400);
      assertThat(probe.touches()).isZero();
    }

    @Test
    void nestedOrQueryExpressionIsRejectedOverEngineRest() {
      Http.Response response = http("rita").post("/engine-rest/task",
          Map.of("orQueries", List.of(Map.of("assigneeExpression", ATTACK))));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).contains("Expressions are not allowed");
      Http.Response count = http("rita").post("/engine-rest/task/count",
          Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", ATTACK))));
      assertThat(count.status()).isEqualTo(400);
      assertThat(probe.touches()).isZero();
    }

    @Test
    void nestedOrQueryExpressionIsRejectedThroughTheJavaApi() {
      assertThatThrownBy(() -> taskService.createTaskQuery()
          .or().taskAssigneeExpression(ATTACK).endOr().list())
          .isInstanceOf(BadUserRequestException.class);
      assertThat(probe.touches()).isZero();
    }

    @Test
    void storedFiltersWithExpressionsCannotBeSaved() {
      Http admin = http("demo");
      Http.Response topLevel = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task",
          "name", "evil", "query", Map.of("assigneeExpression", ATTACK)));
      assertThat(topLevel.status()).isEqualTo(400);
      Http.Response nested = admin.post("/engine-rest/filter/create", Map.of("resourceType", "Task",
          "name", "evil", "query", Map.of("orQueries", List.of(Map.of("assigneeExpression", ATTACK)))));
      assertThat(nested.status()).isEqualTo(400);
      assertThat(filterService.createFilterQuery().filterName("evil").count()).isZero();
      assertThat(probe.touches()).isZero();
    }

    @Test
    void filterExecutionWithAnExpressionInTheExtendingQueryIsRejected() {
      String myWork = filterService.createFilterQuery().filterName(AccessPolicyBootstrap.MY_WORK_FILTER)
          .singleResult().getId();
      Http rita = http("rita");
      assertThat(rita.get("/engine-rest/filter/" + myWork + "/list").status()).isEqualTo(200);
      Http.Response extended = rita.post("/engine-rest/filter/" + myWork + "/list",
          Map.of("orQueries", List.of(Map.of("assigneeExpression", ATTACK))));
      assertThat(extended.status()).isEqualTo(400);
      assertThat(probe.touches()).isZero();
    }

    @Test
    void webappEngineApiRejectsNestedExpressionsAndRequiresCsrfToken() {
      Http browser = new Http(port, null, null);
      Http.Response login = browser.webappLogin("tasklist", "rita", "demo");
      assertThat(login.status()).isEqualTo(200);
      Map<String, Object> attack = Map.of("orQueries", List.of(Map.of("assigneeExpression", ATTACK)));

      Http forged = new Http(port, null, null);
      forged.webappLogin("tasklist", "rita", "demo");
      forged.header("X-XSRF-TOKEN", "forged-token");
      Http.Response withoutToken = forged.post("/camunda/api/engine/engine/default/task", attack);
      assertThat(withoutToken.status()).as("CSRF protection").isEqualTo(403);

      Http.Response withToken = browser.post("/camunda/api/engine/engine/default/task", attack);
      assertThat(withToken.status()).isEqualTo(400);
      Http.Response plain = browser.post("/camunda/api/engine/engine/default/task", Map.of());
      assertThat(plain.status()).as(plain.toString() + plain.headers()).isEqualTo(200);
      assertThat(probe.touches()).isZero();
    }
  }

  @Nested
  class Cookies {

    @Test
    void webappSessionCookieIsHttpOnlyAndSameSiteAndNotSecureOverPlainHttp() {
      Http browser = new Http(port, null, null);
      Http.Response login = browser.webappLogin("tasklist", "rita", "demo");
      assertThat(login.status()).isEqualTo(200);
      String session = login.header("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
          .findFirst().orElseThrow();
      assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }
  }

  @Nested
  class Variables {

    @Test
    void javaSerializedVariablesAreRejected() {
      ProcessInstance instance = startProbe();
      Http.Response response = http("demo").put("/engine-rest/process-instance/" + instance.getId()
          + "/variables/payload", Map.of("value", "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==",
          "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
              "serializationDataFormat", "application/x-java-serialized-object")));
      assertThat(response.status()).as(response.body()).isBetween(400, 499);
      assertThat(runtimeService.getVariable(instance.getId(), "payload")).isNull();
    }

    @Test
    void theVariableEndpointsAreClosedEvenToAnAdministrator() {
      ProcessInstance instance = startProbe();
      Http.Response response = http("demo").put("/engine-rest/process-instance/" + instance.getId()
          + "/variables/note", Map.of("value", "{\"a\":1}", "type", "Json"));
      assertThat(response.status()).as(response.body()).isEqualTo(403);
      assertThat(response.body()).contains("variable endpoints are closed");
      assertThat(runtimeService.getVariable(instance.getId(), "note")).isNull();
    }
  }

  @Nested
  class Deployments {

    @Test
    void xxeInADeployedModelIsRejected(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
      Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
      String model = resource("models/xxe.bpmn").replace("SECRET_PATH", secret.toString());
      Http.Response response = deploy(http("otto"), "xxe.bpmn", model);
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).doesNotContain("TOP-SECRET-42");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxeProbe").count()).isZero();
    }

    @Test
    void scriptTaskIsRefusedWithAClearMessage() throws IOException {
      Http.Response response = deploy(http("otto"), "script-task.bpmn", resource("models/script-task.bpmn"));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("message").asText())
          .contains("script task 'Task_RunScript'").contains("they may not run code");
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("scriptTaskProbe").count())
          .isZero();
    }

    @Test
    void scriptListenerIsRefused() throws IOException {
      Http.Response response = deploy(http("otto"), "script-listener.bpmn", resource("models/script-listener.bpmn"));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).contains("script in 'Task_Review'");
    }

    @Test
    void decisionWithAScriptExpressionIsRefused() throws IOException {
      Http.Response response = deploy(http("otto"), "script-decision.dmn", resource("models/script-decision.dmn"));
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).contains("expression language 'javascript'");
      assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("scriptDecision").count())
          .isZero();
    }
  }

  static Http.Response deploy(Http as, String fileName, String model) {
    // Camunda Modeler's deployment name is the reason of a process owner's proposal
    return as.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "Security test with " + fileName, "deployment-source", "test"),
        Map.of(fileName, model.getBytes(StandardCharsets.UTF_8)));
  }

  static String trivialModel(String key) {
    return Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Trivial").endEvent("EndEvent_Trivial").done());
  }

  static String resource(String path) throws IOException {
    try (InputStream in = SecurityBaselineTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

}
