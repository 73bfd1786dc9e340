package io.openpmo.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * existing grants are brought to the policy's permissions, our filters to their definition.
 *
 * <p>Filters carry no expressions (the engine refuses them): "My work" lists every task the user may
 * see, which the engine's authorization checks narrow to the user's own and their groups' tasks; each reviewing
 * group has a filter of its own tasks, shown to that group only (the PMO, which may read every task, works from
 * its group's filter and follows up in the oversight filter).
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

  /**
   * Tasklist's filters, sorted by priority (an escalated task first) and then due date, with the project, group,
   * risk and priority as columns. Each group's filter lists that group's tasks and is shown to that group only, so
   * that nobody sees a Claim button on a task of a group they are not in; the PMO has its own oversight filter of
   * every open task. Existing filters of these names are brought to this definition (their ids stay).
   */
  private void createFilters() {
    for (FilterSpec spec : filterSpecs()) {
      Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(spec.name());
      }
      filter.setQuery(spec.query());
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", spec.description());
      properties.put("priority", spec.priority());
      properties.put("color", spec.color());
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("variables", COLUMNS);
      filter.setProperties(properties);
      filterService.saveFilter(filter);
      grantRead(filter.getId(), spec.readers());
    }
  }

  /** Columns of Tasklist's task list: variables every task of a project carries (set when it is created). */
  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "projectLabel", "label", "Project"),
      Map.of("name", "reviewingGroup", "label", "Group"),
      Map.of("name", "riskLabel", "label", "Risk"),
      Map.of("name", "priorityLabel", "label", "Priority"));

  record FilterSpec(String name, String description, TaskQuery query, int priority, String color,
      List<String> readers) {
  }

  List<FilterSpec> filterSpecs() {
    List<FilterSpec> specs = new ArrayList<>();
    specs.add(new FilterSpec(MY_WORK_FILTER, "Tasks assigned to you and tasks of your groups: escalated first, then by"
        + " due date", sorted(taskService.createTaskQuery()), -10, "#1d4f91",
        Groups.ALL.stream().filter(group -> !Groups.PMO.equals(group)).toList()));
    int priority = 0;
    for (String group : Groups.REVIEWERS) {
      String label = io.openpmo.core.Labels.group(group);
      String name = Groups.PMO.equals(group) ? PMO_FILTER : label + ": open tasks";
      specs.add(new FilterSpec(name, "The open tasks of " + label + ", claimed or not: escalated first, then by due"
          + " date", sorted(taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()),
          priority++, "#2f6f4f", List.of(group)));
    }
    specs.add(new FilterSpec(PMO_OVERSIGHT_FILTER, "Every open task of the portfolio, to follow up: you may claim"
        + " the PMO's tasks only", sorted(taskService.createTaskQuery()), 50, "#7a5c00", List.of(Groups.PMO)));
    return specs;
  }

  static final String PMO_FILTER = "PMO: overdue first";
  static final String PMO_OVERSIGHT_FILTER = "PMO: every open task (oversight)";

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByTaskPriority().desc().orderByDueDate().asc();
  }

  /** READ on the filter for exactly these groups (a group it no longer serves loses it). */
  private void grantRead(String filterId, List<String> groups) {
    for (Authorization existing : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list()) {
      if (existing.getGroupId() != null && !groups.contains(existing.getGroupId())) {
        authorizationService.deleteAuthorization(existing.getId());
      }
    }
    for (String group : groups) {
      if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
          .groupIdIn(group).count() == 0) {
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(read);
      }
    }
  }
}
