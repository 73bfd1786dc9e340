package io.openpmo.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What must hold after every fault, read from the database and through the API of each node: every request a client
 * saw acknowledged exists exactly once (project, process, vote), no request left anything behind that nobody asked
 * for, no project without its process and no process without its project, no job stuck, every decision's mail sent
 * and recorded once, numbers per project without gaps, and the audit trail verifies. Each check adds its count to
 * the tally; {@link #violations()} lists what failed.
 */
final class Invariants {

  private final Database database;
  private final Tally tally;
  private final List<String> violations = new ArrayList<>();

  Invariants(Database database, Tally tally) {
    this.database = database;
    this.tally = tally;
  }

  List<String> violations() {
    return violations;
  }

  private void expectZero(String what, long found, String detail) {
    tally.add("check: " + what, found);
    if (found != 0) {
      violations.add(what + ": " + found + (detail == null ? "" : " " + detail));
    }
  }

  /** The checks on what the workload's clients saw. */
  void checkWork(Collection<Workload.Item> items, Set<String> keysSentInTheRun) {
    List<Workload.Item> acknowledged = items.stream().filter(i -> i.code != null).toList();
    Map<String, List<Object>> byKey = database.query(
            "SELECT idempotency_key, code, status FROM project WHERE requester = 'integrationbot'"
                + " AND idempotency_key IS NOT NULL").stream()
        .collect(Collectors.toMap(row -> (String) row.get(0), row -> row));
    long lost = acknowledged.stream().filter(i -> !byKey.containsKey(i.key)
        || !i.code.equals(byKey.get(i.key).get(1))).count();
    expectZero("lost (acknowledged, not in the database or another code)", lost,
        acknowledged.stream().filter(i -> !byKey.containsKey(i.key)).map(i -> i.code).limit(5).toList().toString());
    long strangers = byKey.keySet().stream().filter(key -> !keysSentInTheRun.contains(key)).count();
    expectZero("projects nobody asked for", strangers, null);
    // a request no client saw acknowledged (the client gave up) must have left nothing behind
    long leftBehind = items.stream().filter(i -> i.code == null && byKey.containsKey(i.key)).count();
    expectZero("left behind by a request that failed for its client", leftBehind, null);
    expectZero("duplicate projects (same Idempotency-Key)", database.count(
        "SELECT count(*) FROM (SELECT requester, idempotency_key FROM project WHERE idempotency_key IS NOT NULL"
            + " GROUP BY requester, idempotency_key HAVING count(*) > 1) d"), null);
    List<String> decidedCodes = acknowledged.stream().filter(i -> i.decided).map(i -> i.code).toList();
    Set<String> notApproved = new HashSet<>(decidedCodes);
    notApproved.removeAll(database.strings("SELECT code FROM project WHERE status <> 'SUBMITTED'"
        + " AND status <> 'IN_REVIEW' AND status <> 'REJECTED' AND status <> 'WITHDRAWN'"));
    expectZero("decisions acknowledged but not in force (project not approved)", notApproved.size(),
        notApproved.stream().limit(5).toList().toString());
    Set<String> oneVote = new HashSet<>(database.strings(
        "SELECT p.code FROM project p JOIN review_decision v ON v.project_id = p.id"
            + " AND v.subject_type = 'PROJECT_REQUEST' GROUP BY p.code HAVING count(*) = 1"));
    long voteMismatch = decidedCodes.stream().filter(code -> !oneVote.contains(code)).count();
    expectZero("approved requests without exactly one vote", voteMismatch, null);
    tally.add("work items", items.size());
    tally.add("work items acknowledged (project exists)", acknowledged.size());
    tally.add("work items decided", decidedCodes.size());
    tally.add("work items the client gave up on", items.stream().filter(i -> i.gaveUp != null).count());
    items.stream().filter(i -> i.gaveUp != null).limit(5).forEach(i -> violations.add("client gave up: " + i.gaveUp));
  }

  /** The checks on the whole database: orphans, duplicates, stuck jobs, counters, votes. */
  void checkDatabase() {
    expectZero("projects without their initiation process", database.count(
        "SELECT count(*) FROM project p WHERE NOT EXISTS (SELECT 1 FROM act_hi_procinst i"
            + " WHERE i.business_key_ = p.code AND i.proc_def_key_ = 'projectInitiation')"), null);
    expectZero("initiation processes without their project", database.count(
        "SELECT count(*) FROM act_hi_procinst i WHERE i.proc_def_key_ = 'projectInitiation'"
            + " AND NOT EXISTS (SELECT 1 FROM project p WHERE p.code = i.business_key_)"), null);
    expectZero("projects with more than one initiation process", database.count(
        "SELECT count(*) FROM (SELECT business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'projectInitiation'"
            + " GROUP BY business_key_ HAVING count(*) > 1) d"), null);
    expectZero("duplicate votes (one person, one decision, one round)", database.count(
        "SELECT count(*) FROM (SELECT subject_type, subject_id, review_round, group_id, reviewer FROM review_decision"
            + " GROUP BY subject_type, subject_id, review_round, group_id, reviewer HAVING count(*) > 1) d"), null);
    expectZero("decision mails recorded more than once (job executed twice)", database.count(
        "SELECT count(*) FROM (SELECT project_code, details FROM audit_event WHERE action = 'NOTIFICATION_SENT'"
            + " GROUP BY project_code, details HAVING count(*) > 1) d"), null);
    expectZero("jobs stuck: out of retries without an incident", database.count(
        "SELECT count(*) FROM act_ru_job j WHERE j.retries_ = 0 AND NOT EXISTS"
            + " (SELECT 1 FROM act_ru_incident i WHERE i.configuration_ = j.id_)"), null);
    expectZero("jobs stuck: locked by a node whose lock expired over a minute ago", database.count(
        "SELECT count(*) FROM act_ru_job WHERE lock_exp_time_ < now() - interval '1 minute'"), null);
    expectZero("per-project counters with gaps or behind (change requests)", database.count(
        "SELECT count(*) FROM project_counter c WHERE c.counter = 'CHANGE_REQUEST' AND c.last_value <>"
            + " (SELECT count(*) FROM change_request r WHERE r.project_id = c.project_id)"), null);
    expectZero("per-project counters with gaps or behind (baselines)", database.count(
        "SELECT count(*) FROM project_counter c WHERE c.counter = 'BASELINE' AND (c.last_value <>"
            + " (SELECT count(*) FROM baseline b WHERE b.project_id = c.project_id) OR c.last_value <>"
            + " (SELECT coalesce(max(version), 0) FROM baseline b WHERE b.project_id = c.project_id))"), null);
  }

  /** Approved requests whose decision mail has not been sent and recorded yet. */
  List<String> mailsOutstanding(Collection<Workload.Item> items) {
    Set<String> recorded = new HashSet<>(database.strings(
        "SELECT project_code FROM audit_event WHERE action = 'NOTIFICATION_SENT' AND project_code IS NOT NULL"));
    return items.stream().filter(i -> i.decided && !recorded.contains(i.code)).map(i -> i.code).toList();
  }

  /** Each approved request's mail arrived at the mail server (at least once; more than once is counted). */
  void checkMails(Collection<Workload.Item> items, Map<String, Integer> receivedBySubjectCode) {
    List<String> decided = items.stream().filter(i -> i.decided).map(i -> i.code).toList();
    long missing = decided.stream().filter(code -> receivedBySubjectCode.getOrDefault(code, 0) == 0).count();
    expectZero("decision mails never delivered", missing, null);
    long twice = decided.stream().filter(code -> receivedBySubjectCode.getOrDefault(code, 0) > 1).count();
    tally.add("decision mails delivered", decided.size() - missing);
    tally.add("decision mails delivered twice (a node died between sending and committing)", twice);
  }

  /**
   * A decision mail sent again (its job lost the database after the mail server took it) carries the Message-ID of
   * the first sending, so mail systems can drop the repeat and people can tell it is the same message.
   */
  void checkRepeatsRecognisable(Collection<Workload.Item> items, Map<String, Set<String>> messageIdsByCode) {
    List<String> renamed = items.stream().filter(i -> i.decided)
        .filter(i -> messageIdsByCode.getOrDefault(i.code, Set.of()).size() > 1).map(i -> i.code).toList();
    expectZero("decision mails sent again under another Message-ID", renamed.size(),
        renamed.stream().limit(5).toList().toString());
  }

  /** The audit trail verifies, as an auditor asks a node. */
  void checkAudit(ClusterClient auditor, Node node) {
    ClusterClient.Answer answer = auditor.get(node, "/api/v1/audit/verification");
    if (answer.status() != 200) {
      violations.add("audit verification answered " + answer);
      tally.add("check: audit trail broken", 1);
      return;
    }
    JsonNode result = answer.json();
    tally.add("audit events verified", result.get("eventsChecked").asLong());
    expectZero("audit trail broken", result.get("intact").asBoolean() ? 0 : 1, result.toString());
  }
}
