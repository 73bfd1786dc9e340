package io.openpmo.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.load.LoadStep.Operation;
import io.openpmo.load.LoadStep.Target;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What OpenPMO's database holds after the steps against what the clients were told succeeded, over every run
 * (warm-up, top-up and measured): each successful submission is one project, each successful vote one recorded
 * decision on a task of its own, each successful status report one report. With several nodes on one database this
 * is what says that no node lost work and no two nodes did the same work twice.
 */
record WorkDone(long submitted, long projects, long voted, long decisions, long decidedTasks, long reported,
    long reports) {

  /** Counts the load's rows ("Load request ..." projects, "Load test" votes and reports) in OpenPMO's database. */
  static WorkDone count(LoadRig rig, GatlingRunner gatling, int preparedProjects) {
    DataSource db = rig.database(Target.OPENPMO);
    List<String> decisions = Preparation.strings(db, "SELECT count(*) || ' ' || count(DISTINCT task_id) FROM"
        + " review_decision WHERE comment = 'Load test'");
    String[] votes = decisions.get(0).split(" ");
    return new WorkDone(gatling.succeeded(Target.OPENPMO, Operation.SUBMIT) + preparedProjects,
        number(db, "SELECT count(*) FROM project WHERE title LIKE 'Load request %'"),
        gatling.succeeded(Target.OPENPMO, Operation.COMPLETE), Long.parseLong(votes[0]), Long.parseLong(votes[1]),
        gatling.succeeded(Target.OPENPMO, Operation.STATUS_REPORT),
        number(db, "SELECT count(*) FROM status_report WHERE notes LIKE 'Load test report %'"));
  }

  String summary() {
    return String.format(Locale.ROOT, "%nWork done on OpenPMO over all runs (warm-up and preparation included):"
        + " %d submissions succeeded, %d projects; %d votes succeeded, %d decisions recorded on %d tasks;"
        + " %d status reports succeeded, %d recorded.%n", submitted, projects, voted, decisions, decidedTasks,
        reported, reports);
  }

  void assertNothingLostOrDoubled() {
    assertThat(projects).as("projects of the successful submissions").isEqualTo(submitted);
    assertThat(decisions).as("decisions recorded for the successful votes").isEqualTo(voted);
    assertThat(decidedTasks).as("tasks with a recorded decision").isEqualTo(voted);
    assertThat(reports).as("status reports recorded").isEqualTo(reported);
  }

  private static long number(DataSource db, String sql) {
    return Long.parseLong(Preparation.strings(db, sql).get(0));
  }
}
