package io.openpmo.load;

import io.openpmo.demo.DemoIdentities;
import io.openpmo.load.LoadStep.Target;
import io.openpmo.load.bare.BareEngineApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Data the steps need, made through the same APIs people use (not measured): open review tasks to vote on, projects
 * in delivery to report on. Task ids are read from the engine's tables. With several OpenPMO nodes the projects are
 * made through them in turn (each step of a project on the next node), so every node has run every operation before
 * the warm-up.
 */
final class Preparation {

  private final LoadRig rig;

  Preparation(LoadRig rig) {
    this.rig = rig;
  }

  /** The unclaimed tasks a {@link LoadStep.Operation#COMPLETE} step can take: PMO reviews, or the bare task. */
  List<String> openTasks(Target target) {
    String sql = target == Target.OPENPMO
        ? "SELECT t.id_ FROM act_ru_task t JOIN act_ru_identitylink l ON l.task_id_ = t.id_ AND l.type_ = 'candidate'"
            + " AND l.group_id_ = 'pmo' WHERE t.task_def_key_ = 'Task_ReviewRequest' AND t.assignee_ IS NULL"
            + " ORDER BY t.create_time_"
        : "SELECT id_ FROM act_ru_task WHERE task_def_key_ = '" + BareEngineApp.TASK + "' AND assignee_ IS NULL"
            + " ORDER BY create_time_";
    return strings(rig.database(target), sql);
  }

  /**
   * Projects in delivery, as integrationbot submits them, petra approves, paul plans them and answers the G1
   * checklist and the gate reviewers say GO: each status-reporting client gets one of its own.
   */
  List<String> projectsInDelivery(int count) {
    DataSource db = rig.database(Target.OPENPMO);
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      codes.add(new Rest(node(i), "integrationbot", "demo").post("/api/v1/projects", LoadSimulation.projectRequest(900_000 + i)).expect(201).json()
          .get("code").asText());
    }
    int turn = 1;
    for (String code : codes) {
      complete(turn++, "petra", await(() -> task(db, code, "Task_ReviewRequest")), Map.of("decision", "APPROVE",
          "conflictOfInterest", false));
    }
    LocalDate start = LocalDate.now().minusMonths(1);
    for (String code : codes) {
      complete(turn++, "paul", await(() -> task(db, code, "Task_PlanProject")), Map.of(
          "budgetAtCompletion", 100000.0, "startDate", start.toString(), "endDate", start.plusMonths(12).toString(),
          "milestonesText", start.plusMonths(3) + " Design signed off\n" + start.plusMonths(12).minusDays(1)
              + " Go-live", "allocationsText", ""));
    }
    for (String code : codes) {
      complete(turn++, "paul", await(() -> task(db, code, "Task_CompleteGateChecklist")), Map.of("checklistNotes",
          "Ready"));
    }
    for (String code : codes) {
      String[] review = await(() -> task(db, code, "Task_ReviewGate"));
      while (review != null) {
        complete(turn++, DemoIdentities.reviewer(review[1]), review, Map.of("decision", "GO", "conflictOfInterest",
            false));
        review = task(db, code, "Task_ReviewGate");
      }
    }
    for (String code : codes) {
      await(() -> "ACTIVE".equals(status(db, code)) ? new String[0] : null);
    }
    return codes;
  }

  /** OpenPMO's node whose turn it is (the only one with one node). */
  private static String node(int turn) {
    List<String> nodes = LoadRig.baseUrls(Target.OPENPMO);
    return nodes.get(turn % nodes.size());
  }

  private void complete(int turn, String user, String[] task, Map<String, Object> form) {
    Rest person = new Rest(node(turn), user, "demo");
    person.post("/engine-rest/task/" + task[0] + "/claim", "{\"userId\":\"" + user + "\"}").expect(204);
    StringBuilder variables = new StringBuilder("{\"variables\":{");
    form.forEach((key, value) -> variables.append(variables.length() > 14 ? "," : "").append('"').append(key)
        .append("\":{\"value\":").append(value instanceof String ? Rest.JSON.valueToTree(value).toString() : value)
        .append('}'));
    person.post("/engine-rest/task/" + task[0] + "/submit-form", variables.append("}}").toString()).expect(204);
  }

  /** The id and candidate group of an open task of the project (in any of its processes), or null. */
  private static String[] task(DataSource db, String code, String definitionKey) {
    List<String> found = strings(db, "SELECT t.id_ || ' ' || COALESCE((SELECT MIN(l.group_id_) FROM"
        + " act_ru_identitylink l WHERE l.task_id_ = t.id_ AND l.type_ = 'candidate'), '-') FROM act_ru_task t"
        + " JOIN act_ru_execution p ON p.id_ = t.proc_inst_id_ WHERE p.business_key_ = '" + code
        + "' AND t.task_def_key_ = '" + definitionKey + "'");
    return found.isEmpty() ? null : found.get(0).split(" ");
  }

  private static String status(DataSource db, String code) {
    List<String> found = strings(db, "SELECT status FROM project WHERE code = '" + code + "'");
    return found.isEmpty() ? null : found.get(0);
  }

  private static <T> T await(Supplier<T> probe) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      T found = probe.get();
      if (found != null) {
        return found;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("Waited a minute in vain");
  }

  static List<String> strings(DataSource db, String sql) {
    try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
