package io.openpmo.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps of variables: the variable's own history row with its last value
 * ({@code ACT_HI_VARINST}) and detail rows ({@code ACT_HI_DETAIL}, one per change).
 *
 * <p>Detail rows are kept for every change of a process instance's own variables, the business facts of a request
 * and what its decisions said, which an investigation or a replay of past decisions (model governance's simulation)
 * reads as they were at the time. Not kept: changes of variables that live on a task or on an inner execution of
 * the process: what a review task displays (its labels and decision context, rebuilt from our tables), the answers
 * of a task's form (the task decision record and the audit log keep each decision with who took it and when), and
 * the engine's multi-instance counters.
 *
 * <p>A variable of an execution that a step creates and removes again within one transaction (a decision's result
 * read by the next step, the rules that fired on their way to the audit trail, a start form's fields once the
 * request is registered) leaves no history at all: it never existed outside that transaction, and what it carried
 * is kept where it belongs (the decision history, the audit trail, the project row). A task's variables keep their
 * history rows whatever their lifetime.
 *
 * <p>Those were half of the variable history rows a submission wrote, each an insert with its own index entries
 * (README "Load"). History level stays {@code full}: every other history event (activities, tasks, identity links,
 * decisions, operations, jobs) is written as before.
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

  /**
   * The engine's database handler, writing detail rows only for a process instance's own variables, and no history
   * for an execution's variable removed in the transaction that created it.
   */
  static final class ProcessVariableDetails extends DbHistoryEventHandler {

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (event.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE) && event.getTaskId() == null
          && forgetIfCreatedInThisTransaction(event.getVariableInstanceId())) {
        return;
      }
      super.insertHistoricVariableUpdateEntity(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return keepsDetail(event.getProcessInstanceId(), event.getExecutionId(), event.getTaskId())
          && super.shouldWriteHistoricDetail(event);
    }

    /**
     * When the variable's history row is still to be inserted by this transaction, withdraws it and the detail
     * rows and byte arrays written with it (nothing of it reaches the database) and says so; otherwise leaves the
     * removal to be recorded as usual.
     */
    private boolean forgetIfCreatedInThisTransaction(String variableInstanceId) {
      DbEntityManager db = getDbEntityManager();
      CachedDbEntity cached = db.getDbEntityCache().getCachedEntity(HistoricVariableInstanceEntity.class,
          variableInstanceId);
      if (cached == null || cached.getEntityState() != DbEntityState.TRANSIENT) {
        return false;
      }
      // the engine's cache answers a query by the common type of detail rows only (not by a subtype)
      for (HistoricDetailEventEntity detail : db.getCachedEntitiesByType(HistoricDetailEventEntity.class)) {
        if (detail instanceof HistoricVariableUpdateEventEntity update
            && variableInstanceId.equals(update.getVariableInstanceId()) && isNew(db, update)) {
          if (update.getByteArrayId() != null) {
            ByteArrayEntity bytes = db.getCachedEntity(ByteArrayEntity.class, update.getByteArrayId());
            if (bytes != null && isNew(db, bytes)) {
              db.delete(bytes);
            }
          }
          db.delete(update);
        }
      }
      // its byte array too, which it inserted with it
      ((HistoricVariableInstanceEntity) cached.getEntity()).delete();
      return true;
    }

    private static boolean isNew(DbEntityManager db, org.camunda.bpm.engine.impl.db.DbEntity entity) {
      CachedDbEntity cached = db.getDbEntityCache().getCachedEntity(entity);
      return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
    }
  }
}
