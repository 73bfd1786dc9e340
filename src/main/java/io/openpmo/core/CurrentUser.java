package io.openpmo.core;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting: the user the engine knows from the request (REST, Tasklist) or from the job. */
@Component
public class CurrentUser {

  /** Actor recorded for work the engine does on its own (timers, async jobs). */
  public static final String SYSTEM = "system";

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<String> id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return Optional.ofNullable(authentication).map(Authentication::getUserId);
  }

  /** The acting user, or {@link #SYSTEM} when the engine acts on its own. */
  public String idOrSystem() {
    return id().orElse(SYSTEM);
  }

  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null) {
      return List.of();
    }
    return List.copyOf(authentication.getGroupIds());
  }

  public boolean isInAnyGroup(String... groupIds) {
    List<String> mine = groups();
    for (String group : groupIds) {
      if (mine.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
