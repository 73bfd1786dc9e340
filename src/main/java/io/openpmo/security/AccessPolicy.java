package io.openpmo.security;

import static io.openpmo.security.Groups.AUDITORS;
import static io.openpmo.security.Groups.COMPLIANCE;
import static io.openpmo.security.Groups.EXECUTIVE_COMMITTEE;
import static io.openpmo.security.Groups.FINANCE;
import static io.openpmo.security.Groups.INFOSEC;
import static io.openpmo.security.Groups.INTEGRATIONS;
import static io.openpmo.security.Groups.PMO;
import static io.openpmo.security.Groups.PROCESS_OWNERS;
import static io.openpmo.security.Groups.PROJECT_MANAGERS;
import static io.openpmo.security.Groups.REQUESTERS;
import static io.openpmo.security.Groups.RESOURCE_MANAGERS;
import static io.openpmo.security.Groups.RISK;
import static io.openpmo.security.Groups.STEERING_COMMITTEE;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Least-privilege grants per group. Review tasks need no grant here: the engine gives a task's candidate
 * group and assignee READ and TASK_WORK (not UPDATE) on that task when it is created.
 * Nobody but camunda-admin manages users, groups or authorizations, or deploys (process owners propose model
 * changes, which the system deploys once a second person approved them).
 */
final class AccessPolicy {

  static final String INITIATION = "projectInitiation";
  static final String CHANGE_REQUEST = "changeRequest";
  static final String DEPUTYSHIP = "deputyship";
  static final String ANY = "*";

  record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
  }

  /** Who may start "Name a deputy": the groups whose members approve, and requesters (sponsors accept deliverables). */
  static final List<String> DEPUTY_STARTERS = List.of(REQUESTERS, PROJECT_MANAGERS, PMO, FINANCE, RISK, COMPLIANCE,
      INFOSEC, STEERING_COMMITTEE, EXECUTIVE_COMMITTEE, RESOURCE_MANAGERS);

  private static final List<String> TASKLIST_USERS = List.of(REQUESTERS, PROJECT_MANAGERS, PMO, FINANCE, RISK,
      COMPLIANCE, INFOSEC, STEERING_COMMITTEE, EXECUTIVE_COMMITTEE, RESOURCE_MANAGERS, PROCESS_OWNERS, AUDITORS);

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : TASKLIST_USERS) {
      grants.add(new Grant(group, APPLICATION, "tasklist", List.of(ACCESS)));
    }
    for (String group : List.of(PMO, PROCESS_OWNERS, AUDITORS)) {
      grants.add(new Grant(group, APPLICATION, "cockpit", List.of(ACCESS)));
    }
    // see process definitions (diagrams, forms) in Tasklist
    for (String group : TASKLIST_USERS) {
      grants.add(new Grant(group, PROCESS_DEFINITION, ANY, List.of(READ)));
    }
    // who may start what
    grants.add(new Grant(REQUESTERS, PROCESS_DEFINITION, INITIATION, List.of(READ, CREATE_INSTANCE)));
    grants.add(new Grant(PROJECT_MANAGERS, PROCESS_DEFINITION, CHANGE_REQUEST, List.of(READ, CREATE_INSTANCE)));
    grants.add(new Grant(PMO, PROCESS_DEFINITION, CHANGE_REQUEST, List.of(READ, CREATE_INSTANCE)));
    // approvers (and sponsors, who accept deliverables) name a deputy while they are away
    for (String group : DEPUTY_STARTERS) {
      grants.add(new Grant(group, PROCESS_DEFINITION, DEPUTYSHIP, List.of(READ, CREATE_INSTANCE)));
    }
    for (String group : java.util.stream.Stream.concat(Stream.of(INTEGRATIONS), DEPUTY_STARTERS.stream()).distinct()
        .toList()) {
      grants.add(new Grant(group, PROCESS_INSTANCE, ANY, List.of(CREATE)));
    }
    // integrations: start processes and evaluate decisions; nothing else in the engine
    grants.add(new Grant(INTEGRATIONS, PROCESS_DEFINITION, INITIATION, List.of(READ, CREATE_INSTANCE)));
    grants.add(new Grant(INTEGRATIONS, PROCESS_DEFINITION, CHANGE_REQUEST, List.of(READ, CREATE_INSTANCE)));
    grants.add(new Grant(INTEGRATIONS, DECISION_DEFINITION, ANY, List.of(READ, CREATE_INSTANCE)));
    // the PMO oversees every running process and every open task
    grants.add(new Grant(PMO, PROCESS_DEFINITION, ANY, List.of(READ, READ_INSTANCE, READ_TASK, READ_HISTORY)));
    grants.add(new Grant(PMO, PROCESS_INSTANCE, ANY, List.of(READ)));
    grants.add(new Grant(PMO, TASK, ANY, List.of(READ)));
    grants.add(new Grant(PMO, DECISION_DEFINITION, ANY, List.of(READ, READ_HISTORY)));
    grants.add(new Grant(PMO, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(READ)));
    grants.add(new Grant(PMO, DEPLOYMENT, ANY, List.of(READ)));
    // auditors read everything that happened, change nothing
    grants.add(new Grant(AUDITORS, PROCESS_DEFINITION, ANY, List.of(READ, READ_INSTANCE, READ_HISTORY)));
    grants.add(new Grant(AUDITORS, PROCESS_INSTANCE, ANY, List.of(READ)));
    grants.add(new Grant(AUDITORS, DECISION_DEFINITION, ANY, List.of(READ, READ_HISTORY)));
    grants.add(new Grant(AUDITORS, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(READ)));
    grants.add(new Grant(AUDITORS, DEPLOYMENT, ANY, List.of(READ)));
    grants.add(new Grant(AUDITORS, OPERATION_LOG_CATEGORY, ANY, List.of(UserOperationLogCategoryPermissions.READ)));
    // process owners propose new versions of processes, decisions and forms (model changes: a second person
    // approves, the system deploys); they do not deploy themselves: their deploy requests become proposals
    // (GovernanceCommandGuard). They see definitions and deployments, not project data: no instances, no history
    grants.add(new Grant(PROCESS_OWNERS, DEPLOYMENT, ANY, List.of(READ)));
    grants.add(new Grant(PROCESS_OWNERS, PROCESS_DEFINITION, ANY, List.of(READ)));
    grants.add(new Grant(PROCESS_OWNERS, DECISION_DEFINITION, ANY, List.of(READ, CREATE_INSTANCE)));
    grants.add(new Grant(PROCESS_OWNERS, DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(READ)));
    return grants;
  }

  private AccessPolicy() {
  }
}
