package io.openpmo.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Writes the group grants of {@link AccessPolicy} and the shared Tasklist filters at start-up, in every
 * profile (production groups come from LDAP or the Admin webapp, their grants from here). Idempotent:
 * existing grants are brought to the policy's permissions, existing filters are kept.
 *
 * <p>Filters carry no expressions (the engine refuses them): "My work" lists every task the user may
 * see, which the engine's authorization checks narrow to the user's own and their groups' tasks.
 */
@Component
class AccessPolicyBootstrap implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(AccessPolicyBootstrap.class);
  static final String MY_WORK_FILTER = "My work";

  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  AccessPolicyBootstrap(AuthorizationService authorizationService, FilterService filterService,
      TaskService taskService) {
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void afterPropertiesSet() {
    List<AccessPolicy.Grant> grants = AccessPolicy.grants();
    grants.forEach(this::apply);
    createFilters();
    LOG.info("Access policy applied: {} group grants", grants.size());
  }

  private void apply(AccessPolicy.Grant grant) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(grant.group())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    authorization.setPermissions(new Permission[] {Permissions.NONE});
    for (Permission permission : grant.permissions()) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void createFilters() {
    if (filterService.createFilterQuery().filterName(MY_WORK_FILTER).count() > 0) {
      return;
    }
    TaskQuery everythingVisible = taskService.createTaskQuery();
    Filter myWork = filterService.newTaskFilter(MY_WORK_FILTER)
        .setQuery(everythingVisible)
        .setProperties(java.util.Map.of(
            "description", "Tasks assigned to you and tasks of your groups",
            "priority", -10,
            "color", "#1d4f91",
            "refresh", true));
    filterService.saveFilter(myWork);
    for (String group : Groups.ALL) {
      Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(group);
      read.setResource(Resources.FILTER);
      read.setResourceId(myWork.getId());
      read.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(read);
    }
  }
}
