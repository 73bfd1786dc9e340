package io.openpmo.engine;

import io.openpmo.core.EngineAccess;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** {@link EngineAccess} through an engine command with the authorization checks switched off for its duration. */
@Component
class SystemEngineAccess implements EngineAccess {

  private final ProcessEngineConfigurationImpl engine;

  SystemEngineAccess(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  @Override
  public <T> T asSystem(Supplier<T> call) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      boolean enabled = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return call.get();
      } finally {
        if (enabled) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }
}
