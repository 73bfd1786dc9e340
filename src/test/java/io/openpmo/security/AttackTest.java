package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.audit.AuditEvent;
import io.openpmo.audit.AuditTrail;
import io.openpmo.intake.ProjectRequest;
import io.openpmo.intake.SubmissionResult;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectMapper;
import io.openpmo.support.Http;
import io.openpmo.support.People;
import io.openpmo.support.PostgresAppTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The threat model, one test class per class of attack: a person with a valid login of the wrong role tries to
 * reach a governance outcome by a road other than the process, on every surface (the engine REST API and the
 * webapps' API that Tasklist and Cockpit use). Each test checks the outcome on our tables (status, votes,
 * baseline, requester, memberships), not only the status code, and legitimate paths stay open.
 */
abstract class AttackTest extends PostgresAppTest {

  /** The two HTTP surfaces of the engine. */
  enum Surface {
    ENGINE_REST("/engine-rest"),
    WEBAPP("/camunda/api/engine/engine/default");

    final String base;

    Surface(String base) {
      this.base = base;
    }
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired ProjectMapper projects;
  @Autowired AuditTrail auditTrail;
  @Autowired JdbcTemplate jdbc;

  /** A logged-in client of the surface: HTTP Basic for the engine REST API, a Tasklist session with its CSRF token. */
  Http as(Surface surface, String user) {
    if (surface == Surface.ENGINE_REST) {
      return http(user);
    }
    // the PostgreSQL app is told it is served over HTTPS: its cookies are Secure
    Http browser = Http.behindTlsProxy(port);
    assertThat(browser.webappLogin("tasklist", user, "demo").status()).isEqualTo(200);
    return browser;
  }

  People people() {
    return new People(identityService);
  }

  SubmissionResult submitted(String requester, ProjectRequest request) {
    return journeys().submit(requester, request);
  }

  Project project(String code) {
    return projects.findByCode(code).orElseThrow();
  }

  Task task(String code, String group) {
    return journeys().task(code, group);
  }

  /** What governance decides about a project, as our tables record it. */
  record Outcome(String status, String phase, String requester, int reworkRound, long votes, Long baselineInForce,
      long baselineVersions, long transitions) {
  }

  Outcome outcome(String code) {
    Project p = project(code);
    long votes = jdbc.queryForObject("SELECT count(*) FROM review_decision WHERE project_id = ?", Long.class, p.id());
    long versions = jdbc.queryForObject("SELECT count(*) FROM baseline WHERE project_id = ? AND status <> 'DRAFT'",
        Long.class, p.id());
    long transitions = auditTrail.forProject(p.id()).stream().filter(e -> STATE_CHANGES.contains(e.action())).count();
    return new Outcome(p.status().name(), p.phase().name(), p.requester(), p.reworkRound(), votes,
        p.currentBaselineId(), versions, transitions);
  }

  static final List<String> STATE_CHANGES = List.of("PROJECT_APPROVED", "PROJECT_REJECTED", "REQUEST_WITHDRAWN",
      "RETURNED_FOR_REWORK", "DELIVERY_STARTED", "PROJECT_ON_HOLD", "PROJECT_STOPPED", "PROJECT_CANCELLED",
      "PROJECT_CLOSED", "BASELINE_IN_FORCE", "CHANGE_APPLIED", "EMERGENCY_CHANGE_APPLIED");

  List<String> actions(String code) {
    return auditTrail.forProject(project(code).id()).stream().map(AuditEvent::action).toList();
  }

  List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
  }

  long instances(String processKey) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
  }

  /** Engine REST variables: {"name": {"value": v}}. */
  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }

  static Map<String, Object> typedLong(long value) {
    return Map.of("value", value, "type", "Long");
  }
}
