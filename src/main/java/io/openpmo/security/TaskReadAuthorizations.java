package io.openpmo.security;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager, except that a task query of someone who may read every task (a grant of READ
 * on the task resource {@code *} to them or one of their groups, as the PMO has) is not checked task by task.
 *
 * <p>The engine checks a task query by joining every row with the user's grants on
 * {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}: for the PMO that is each open PMO task's own grant (the
 * engine gives the candidate group of every task one) and the {@code *} grants, probed for every task the query
 * reads, so Tasklist's count and page of the PMO's tasks cost several times the tasks themselves (README "Cost as the
 * data grows"). When the engine itself says the user may read the task resource {@code *}, that join keeps every
 * row: the {@code *} grant matches each of them. So the check is left out of such a query and the result is the
 * same. Only while the engine checks without revocations (no REVOKE authorization concerns the user or their
 * groups: the default {@code auto} mode, and this application creates none): with a revocation the engine's
 * row-by-row check could hide a task the {@code *} grant alone would show, and the query keeps it. Everybody else
 * (a reviewing group that sees only its own tasks, a requester) keeps the engine's check unchanged.
 */
final class TaskReadAuthorizations extends AuthorizationManager {

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new TaskReadAuthorizations();
    }
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    AuthorizationCheck check = query.getAuthCheck();
    if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
        && check.getAuthUserId() != null
        && isAuthorized(check.getAuthUserId(), check.getAuthGroupIds(), Permissions.READ, Resources.TASK, ANY)) {
      check.setAuthorizationCheckEnabled(false);
    }
  }

  private static final String ANY = "*";
}
