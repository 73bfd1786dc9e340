package io.openpmo.demo;

import io.openpmo.core.Labels;
import io.openpmo.security.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's people: one user per group of docs/policy.md, password "demo". Only in the demo
 * profile; production takes users and groups from LDAP or the Admin webapp.
 */
@Component
@Profile("demo")
public class DemoIdentities implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);
  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("rita", "Rita", "Reyes", List.of(Groups.REQUESTERS)),
      new DemoUser("paul", "Paul", "Martin", List.of(Groups.PROJECT_MANAGERS)),
      // a second project manager, less qualified: HIGH risk projects need an exception for her
      new DemoUser("nora", "Nora", "Novak", List.of(Groups.PROJECT_MANAGERS)),
      new DemoUser("petra", "Petra", "Olsen", List.of(Groups.PMO)),
      // a second PMO member: a change the PMO raised is approved by another PMO member
      new DemoUser("pierre", "Pierre", "Lambert", List.of(Groups.PMO)),
      new DemoUser("fiona", "Fiona", "Chen", List.of(Groups.FINANCE)),
      new DemoUser("rick", "Rick", "Haas", List.of(Groups.RISK)),
      new DemoUser("carla", "Carla", "Dubois", List.of(Groups.COMPLIANCE)),
      new DemoUser("ivan", "Ivan", "Petrov", List.of(Groups.INFOSEC)),
      new DemoUser("sven", "Sven", "Berg", List.of(Groups.STEERING_COMMITTEE)),
      new DemoUser("erik", "Erik", "Lund", List.of(Groups.EXECUTIVE_COMMITTEE)),
      new DemoUser("rosa", "Rosa", "Diaz", List.of(Groups.RESOURCE_MANAGERS)),
      new DemoUser("otto", "Otto", "Weber", List.of(Groups.PROCESS_OWNERS)),
      new DemoUser("audrey", "Audrey", "Klein", List.of(Groups.AUDITORS)),
      new DemoUser("integrationbot", "Integration", "Bot", List.of(Groups.INTEGRATIONS)),
      // a business sponsor: sponsors projects, reviews none of them
      new DemoUser("sam", "Sam", "Sponsor", List.of(Groups.REQUESTERS)));

  /** The demo user who decides for each reviewing group. */
  static final Map<String, String> REVIEWERS = Map.of(Groups.PMO, "petra", Groups.FINANCE, "fiona", Groups.RISK,
      "rick", Groups.COMPLIANCE, "carla", Groups.INFOSEC, "ivan", Groups.STEERING_COMMITTEE, "sven",
      Groups.EXECUTIVE_COMMITTEE, "erik", Groups.RESOURCE_MANAGERS, "rosa");

  /** The demo user who decides for the group (used to seed the demo portfolio and by the tests). */
  public static String reviewer(String group) {
    String reviewer = REVIEWERS.get(group);
    if (reviewer == null) {
      throw new IllegalArgumentException("No demo reviewer for group " + group);
    }
    return reviewer;
  }

  private final IdentityService identityService;

  DemoIdentities(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void afterPropertiesSet() {
    for (String groupId : Groups.ALL) {
      Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
      if (group == null) {
        group = identityService.newGroup(groupId);
        group.setType(Groups.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
      } else if (group.getName() != null && !group.getName().equals(groupId)) {
        continue;   // named by an administrator: kept
      }
      // Tasklist and Admin show the group's name: a label people read, not the id
      group.setName(Labels.group(groupId));
      identityService.saveGroup(group);
    }
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@openpmo.local");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      for (String groupId : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(groupId).count() == 0) {
          identityService.createMembership(demo.id(), groupId);
        }
      }
    }
    LOG.info("Demo users ready ({} users, password '{}')", USERS.size(), PASSWORD);
  }
}
