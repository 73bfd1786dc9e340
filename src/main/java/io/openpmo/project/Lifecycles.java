package io.openpmo.project;

import io.openpmo.core.EngineAccess;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Finds the running lifecycle of a project (between approval and closure), whoever asks. */
@Component
public class Lifecycles {

  /** The key of the project lifecycle process ({@code processes/project-lifecycle.bpmn}). */
  public static final String PROCESS_KEY = "projectLifecycle";

  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;

  public Lifecycles(RuntimeService runtimeService, EngineAccess engineAccess) {
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
  }

  public Optional<ProcessInstance> running(String projectCode) {
    return Optional.ofNullable(engineAccess.asSystem(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(projectCode)
        .singleResult()));
  }
}
