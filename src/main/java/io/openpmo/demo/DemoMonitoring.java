package io.openpmo.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's monitoring account: {@code monitor} (password {@code demo}) in the monitoring group, which reads
 * {@code /actuator/prometheus} and the health details. Production puts its scraper's technical user in that group.
 */
@Component
@Profile("demo")
class DemoMonitoring implements InitializingBean {

  static final String USER = "monitor";
  private final IdentityService identityService;
  private final String group;

  DemoMonitoring(IdentityService identityService, @Value("${openpmo.operations.monitoring-group}") String group) {
    this.identityService = identityService;
    this.group = group;
  }

  @Override
  public void afterPropertiesSet() {
    if (identityService.createGroupQuery().groupId(group).count() == 0) {
      Group monitoring = identityService.newGroup(group);
      monitoring.setName("Monitoring");
      monitoring.setType("SYSTEM");
      identityService.saveGroup(monitoring);
    }
    if (identityService.createUserQuery().userId(USER).count() == 0) {
      User user = identityService.newUser(USER);
      user.setFirstName("Monitoring");
      user.setLastName("Scraper");
      user.setPassword(DemoIdentities.PASSWORD);
      identityService.saveUser(user);
    }
    if (identityService.createUserQuery().userId(USER).memberOfGroup(group).count() == 0) {
      identityService.createMembership(USER, group);
    }
  }
}
