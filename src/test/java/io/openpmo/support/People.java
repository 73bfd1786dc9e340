package io.openpmo.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** Acting as a person in tests: the engine sees the user and their groups, as in a real request. */
public final class People {

  private final IdentityService identityService;

  public People(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T as(String userId, Supplier<T> action) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public void as(String userId, Runnable action) {
    as(userId, () -> {
      action.run();
      return null;
    });
  }

  /** A test user in the given groups (created once; password "demo"). */
  public String user(String userId, String... groups) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword("demo");
      user.setEmail(userId + "@openpmo.local");
      user.setFirstName(userId);
      user.setLastName("Test");
      identityService.saveUser(user);
      for (String group : groups) {
        identityService.createMembership(userId, group);
      }
    }
    return userId;
  }
}
