package io.openpmo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.security.Groups;
import io.openpmo.support.AppTest;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoIdentitiesTest extends AppTest {

  @Autowired IdentityService identityService;

  static final Map<String, String> ONE_USER_PER_GROUP = Map.ofEntries(
      Map.entry("demo", Groups.ADMIN), Map.entry("rita", Groups.REQUESTERS), Map.entry("paul", Groups.PROJECT_MANAGERS),
      Map.entry("petra", Groups.PMO), Map.entry("fiona", Groups.FINANCE), Map.entry("rick", Groups.RISK),
      Map.entry("carla", Groups.COMPLIANCE), Map.entry("ivan", Groups.INFOSEC),
      Map.entry("sven", Groups.STEERING_COMMITTEE), Map.entry("erik", Groups.EXECUTIVE_COMMITTEE),
      Map.entry("rosa", Groups.RESOURCE_MANAGERS), Map.entry("otto", Groups.PROCESS_OWNERS),
      Map.entry("audrey", Groups.AUDITORS), Map.entry("integrationbot", Groups.INTEGRATIONS));

  @Test
  void everyGroupOfTheDomainHasADemoUserWithPasswordDemo() {
    assertThat(ONE_USER_PER_GROUP.values()).containsExactlyInAnyOrderElementsOf(Groups.ALL);
    ONE_USER_PER_GROUP.forEach((user, group) -> {
      assertThat(identityService.checkPassword(user, "demo")).as(user).isTrue();
      assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count()).as(user).isOne();
      assertThat(identityService.createUserQuery().userId(user).singleResult().getEmail()).as(user).isNotBlank();
    });
  }

  @Test
  void groupIdsAreWhatTheEngineAccepts() {
    Groups.ALL.stream().filter(g -> !g.equals(Groups.ADMIN))
        .forEach(group -> assertThat(group).matches("[a-zA-Z0-9]+"));
  }
}
