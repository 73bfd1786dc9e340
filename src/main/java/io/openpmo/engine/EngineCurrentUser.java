package io.openpmo.engine;

import io.openpmo.core.CurrentUser;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** {@link CurrentUser} from the engine's current authentication (set per request by the REST and webapp filters). */
@Component
class EngineCurrentUser implements CurrentUser {

  private final IdentityService identityService;

  EngineCurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Optional<String> id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return Optional.ofNullable(authentication).map(Authentication::getUserId);
  }

  @Override
  public List<String> groups() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null) {
      return List.of();
    }
    return List.copyOf(authentication.getGroupIds());
  }
}
