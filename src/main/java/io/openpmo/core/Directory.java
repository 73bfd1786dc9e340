package io.openpmo.core;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Looks people up in the identity service (database users or LDAP) on the system's behalf: checking
 * that a sponsor exists or finding a reviewer's e-mail address must not depend on whether the caller
 * may browse the user directory.
 */
@Component
public class Directory {

  private final IdentityService identityService;
  private final EngineAccess engineAccess;

  public Directory(IdentityService identityService, EngineAccess engineAccess) {
    this.identityService = identityService;
    this.engineAccess = engineAccess;
  }

  public boolean userExists(String userId) {
    return user(userId).isPresent();
  }

  public Optional<User> user(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(engineAccess.asSystem(() ->
        identityService.createUserQuery().userId(userId).singleResult()));
  }

  public List<User> membersOf(String groupId) {
    return engineAccess.asSystem(() -> identityService.createUserQuery().memberOfGroup(groupId).list());
  }

  public List<String> groupsOf(String userId) {
    return engineAccess.asSystem(() -> identityService.createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).toList());
  }
}
