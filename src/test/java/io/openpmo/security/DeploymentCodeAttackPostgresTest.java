package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attack class 5: running code through a deployed model. A process owner deploys a decision in JUEL, or a process
 * whose expressions call methods (on a timer start event, in a condition, a listener, a service task), names a
 * Java class, injects fields into our delegates, reaches a Spring bean or embeds an HTML form. Each is refused at
 * deployment with the element and the reason, nothing is deployed, and the deployer's memberships are unchanged:
 * no code ran.
 */
class DeploymentCodeAttackPostgresTest extends AttackTest {

  @Autowired RepositoryService repositoryService;

  static Http.Response deploy(Http as, String fileName, String model) {
    return as.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "Attack with " + fileName, "deployment-source", "attack"),
        Map.of(fileName, model.getBytes(StandardCharsets.UTF_8)));
  }

  static String model(String name) throws IOException {
    try (InputStream in = DeploymentCodeAttackPostgresTest.class.getClassLoader()
        .getResourceAsStream("models/attacks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "juel-decision.dmn|expression language 'juel'|juelDecision",
      "timer-start-method-call.bpmn|timer whose time is an expression|timerStartAttack",
      "service-task-expression.bpmn|evaluates \"${identityService|serviceExpressionAttack",
      "condition-method-call.bpmn|calls the method|conditionAttack",
      "listener-class.bpmn|names the Java class|listenerClassAttack",
      "field-injection.bpmn|injects a field into a delegate|fieldInjectionAttack",
      "bean-in-condition.bpmn|names the bean dataSource|beanAttack",
      "engine-reach.bpmn|of execution only|engineReachAttack",
      "embedded-form.bpmn|embedded HTML forms|embeddedFormAttack",
      "message-start.bpmn|starts by itself on a message|messageStartAttack",
      "unknown-delegate.bpmn|names no delegate or listener|unknownDelegateAttack"})
  void aModelThatRunsCodeIsRefusedAndNothingRuns(String file, String reason, String key) throws IOException {
    List<String> ottosGroups = groupsOf("otto");
    long deployments = repositoryService.createDeploymentQuery().count();

    Http.Response response = deploy(http("otto"), file, model(file));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).contains(reason);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count()
        + repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count()).isZero();
    assertThat(groupsOf("otto")).isEqualTo(ottosGroups).doesNotContain("camunda-admin");
  }

  @Test
  void theRefusalNamesTheElement() throws IOException {
    Http.Response response = deploy(http("otto"), "condition-method-call.bpmn", model("condition-method-call.bpmn"));
    assertThat(response.json().get("message").asText()).contains("'Flow_Attack'");
  }

  @Test
  void aModelThatReadsAndComparesVariablesAndNamesOurDelegatesPassesTheChecksAndWaitsForReview() throws IOException {
    Http.Response response = deploy(http("otto"), "harmless.bpmn", model("harmless.bpmn"));
    // not deployed by its owner: proposed, checked and waiting for a second person
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.json().get("message").asText()).contains("every check passed");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("harmlessProcess").count())
        .isZero();
    assertThat(jdbc.queryForObject("SELECT status FROM model_change WHERE id = (SELECT max(model_change_id)"
        + " FROM model_change_file WHERE file_name = 'processes/harmless.bpmn')", String.class)).isEqualTo("IN_REVIEW");
  }

  @Test
  void processOwnersNoLongerDeleteDeployments() {
    String deployment = repositoryService.createDeploymentQuery().list().get(0).getId();
    Http.Response response = http("otto").delete("/engine-rest/deployment/" + deployment + "?cascade=true");
    assertThat(response.status()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
  }
}
