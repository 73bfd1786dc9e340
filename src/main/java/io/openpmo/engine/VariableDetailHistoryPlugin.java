package io.openpmo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Which variable changes the engine's history keeps as detail rows ({@code ACT_HI_DETAIL}, one per change, besides
 * the variable's own history row with its last value in {@code ACT_HI_VARINST}, which is always kept).
 *
 * <p>Kept: every change of a process instance's own variables, the business facts of a request and what its
 * decisions said, which an investigation or a replay of past decisions (model governance's simulation) reads as
 * they were at the time. Not kept: changes of variables that live on a task or on an inner execution of the
 * process: what a review task displays (its labels and decision context, rebuilt from our tables), the answers of
 * a task's form (the task decision record and the audit log keep each decision with who took it and when), and
 * the engine's multi-instance counters. Those were more than a third of the detail rows a submission or a vote
 * wrote, each an insert with its own index entries (README "Load"). History level stays {@code full}: every
 * other history event (activities, tasks, identity links, decisions, operations, jobs) is written as before.
 */
@Component
class VariableDetailHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventHandler() != null || !configuration.isEnableDefaultDbHistoryEventHandler()) {
      return;
    }
    // the engine adds its own database handler unless told not to; ours takes its place, first of the handlers
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new ProcessVariableDetails());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** Whether the change of a variable gets its detail row: only a process instance's own variables. */
  static boolean keepsDetail(String processInstanceId, String executionId, String taskId) {
    return taskId == null && processInstanceId != null && Objects.equals(processInstanceId, executionId);
  }

  /** The engine's database handler, writing detail rows only for a process instance's own variables. */
  static final class ProcessVariableDetails extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return keepsDetail(event.getProcessInstanceId(), event.getExecutionId(), event.getTaskId())
          && super.shouldWriteHistoricDetail(event);
    }
  }
}
