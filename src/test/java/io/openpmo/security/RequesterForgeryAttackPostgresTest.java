package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.support.Http;
import io.openpmo.support.Requests;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attack class 4: submitting a request in somebody else's name. The requester of a project is always the
 * authenticated user who submitted it: the start form does not ask for a requester, so a start that sends one is
 * refused, and the registration reads the logged-in user, never a variable.
 */
class RequesterForgeryAttackPostgresTest extends AttackTest {

  long projectCount() {
    return jdbc.queryForObject("SELECT count(*) FROM project", Long.class);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void aStartThatNamesAnotherRequesterIsRefusedAndWritesNothing(Surface surface) {
    long projects = projectCount();
    long initiations = instances("projectInitiation");
    Map<String, Object> form = new LinkedHashMap<>(Requests.asFormVariables(Requests.small("Forged requester")));
    form.put("requester", "sam");
    Http rita = as(surface, "rita");
    for (String endpoint : java.util.List.of("/submit-form", "/start")) {
      Http.Response response = rita.post(surface.base + "/process-definition/key/projectInitiation" + endpoint,
          Map.of("variables", variables(form)));
      assertThat(response.status()).as(endpoint + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("does not ask for requester");
    }
    assertThat(projectCount()).isEqualTo(projects);
    assertThat(instances("projectInitiation")).isEqualTo(initiations);
  }

  @Test
  void aStartWithABusinessKeyOrAnExtraFieldIsRefused() {
    long projects = projectCount();
    Map<String, Object> form = new LinkedHashMap<>(Requests.asFormVariables(Requests.small("Business key")));
    Http.Response withKey = http("rita").post("/engine-rest/process-definition/key/projectInitiation/submit-form",
        Map.of("variables", variables(form), "businessKey", "PRJ-2026-0001"));
    form.put("projectId", 1);
    Http.Response withProjectId = http("rita").post("/engine-rest/process-definition/key/projectInitiation/start",
        Map.of("variables", variables(form)));
    assertThat(withKey.status()).isEqualTo(400);
    assertThat(withKey.body()).contains("business key");
    assertThat(withProjectId.status()).isEqualTo(400);
    assertThat(withProjectId.body()).contains("does not ask for projectId");
    assertThat(projectCount()).isEqualTo(projects);
  }

  @ParameterizedTest
  @EnumSource(Surface.class)
  void theStartFormRegistersTheRequestForWhoeverIsLoggedIn(Surface surface) {
    Http.Response response = as(surface, "rita").post(surface.base
            + "/process-definition/key/projectInitiation/submit-form",
        Map.of("variables", variables(Requests.asFormVariables(Requests.small("Honest request " + surface)))));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String code = response.json().get("businessKey").asText();
    assertThat(project(code).requester()).isEqualTo("rita");
    assertThat(auditTrail.forProject(project(code).id())).anySatisfy(event -> {
      assertThat(event.action()).isEqualTo("REQUEST_SUBMITTED");
      assertThat(event.actor()).isEqualTo("rita");
    });
    assertThat(runtimeService.getVariable(response.json().get("id").asText(), "requester")).isEqualTo("rita");
  }
}
