package io.openpmo.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.Project;
import io.openpmo.project.ProjectGovernance;
import io.openpmo.project.ProjectMapper;
import io.openpmo.review.ReviewDecision;
import io.openpmo.review.ReviewService;
import io.openpmo.review.ReviewSubjectType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stage gates: opening a review, the checklist the project manager answers, the decision of the
 * reviewers (the most severe vote wins: STOP, HOLD, RECYCLE, GO_WITH_CONDITIONS, GO) and the
 * conditions it sets, tracked until met or waived.
 */
@Service
public class GateService {

  /** Outcomes from the most to the least severe. */
  public static final List<String> SEVERITY = ProjectGovernance.GATE_SEVERITY;

  static final Map<String, List<String>> CHECKLISTS = Map.of(
      "G1", List.of("Scope statement agreed with the sponsor", "Milestones dated and owned",
          "Budget at completion agreed with finance", "Resource plan confirmed with resource managers",
          "Risk register started", "Benefits and how to measure them defined"),
      "G2", List.of("Acceptance tests passed", "Operations and support ready to take over",
          "Information security sign-off obtained", "Data protection assessment done where personal data is processed",
          "Users trained", "Rollback plan tested"),
      "G3", List.of("Deliverables accepted by the sponsor", "Final figures reconciled with finance",
          "Open risks and issues closed or handed over", "Lessons learned recorded", "Resources released"),
      "GX", List.of("Current status and forecast explained", "Recovery options assessed",
          "Impact on budget, schedule and benefits quantified"));

  private final GateMapper mapper;
  private final ProjectMapper projects;
  private final ProjectGovernance governance;
  private final ReviewService reviews;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final ObjectMapper json;

  public GateService(GateMapper mapper, ProjectMapper projects, ProjectGovernance governance, ReviewService reviews,
      AuditTrail auditTrail, Clock clock, ObjectMapper json) {
    this.governance = governance;
    this.mapper = mapper;
    this.projects = projects;
    this.reviews = reviews;
    this.auditTrail = auditTrail;
    this.clock = clock;
    this.json = json;
  }

  @Transactional
  public GateReview open(long projectId, String gate, String processInstanceId) {
    if (!CHECKLISTS.containsKey(gate)) {
      throw new IllegalArgumentException("Unknown gate " + gate);
    }
    Project project = project(projectId);
    int attempt = mapper.nextAttempt(projectId, gate);
    long id = mapper.insert(new GateReview(null, projectId, gate, attempt, GateReview.OPEN, null, null, null,
        processInstanceId, now(), null));
    auditTrail.record("GATE_OPENED", projectId, project.code(), Map.of("gate", gate, "attempt", attempt));
    return get(id);
  }

  public List<String> checklist(String gate) {
    return CHECKLISTS.getOrDefault(gate, List.of());
  }

  @Transactional
  public void setReviewers(long gateReviewId, List<String> groups) {
    mapper.setReviewers(gateReviewId, String.join(",", groups));
  }

  /** Records the project manager's checklist: which items are done, and notes. */
  @Transactional
  public void recordChecklist(long gateReviewId, List<String> done, String notes, String by) {
    GateReview review = get(gateReviewId);
    List<String> items = checklist(review.gate());
    List<String> unknown = done.stream().filter(item -> !items.contains(item)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException("checklistDone", "names items that are not on the " + review.gate()
          + " checklist: " + unknown);
    }
    List<Map<String, Object>> answers = new ArrayList<>();
    for (String item : items) {
      answers.add(Map.of("item", item, "done", done.contains(item)));
    }
    Map<String, Object> checklist = new LinkedHashMap<>();
    checklist.put("items", answers);
    checklist.put("notes", notes == null ? "" : notes);
    checklist.put("by", by);
    try {
      mapper.setChecklist(gateReviewId, json.writeValueAsString(checklist));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Project project = project(review.projectId());
    auditTrail.record(by, "GATE_CHECKLIST_COMPLETED", project.id(), project.code(), Map.of("gate", review.gate(),
        "done", done.size(), "of", items.size()));
  }

  /**
   * The gate's decision from the votes of this attempt: the most severe vote wins, and only when every group the
   * gateReviewers decision named has voted (the project's state machine checks the votes on record).
   */
  @Transactional
  public String decide(long gateReviewId) {
    GateReview review = get(gateReviewId);
    if (!GateReview.OPEN.equals(review.status())) {
      throw BusinessRuleException.conflict("Gate review " + gateReviewId + " is " + review.status());
    }
    String outcome = governance.gateOutcome(gateReviewId);
    List<ReviewDecision> votes = reviews.decisions(ReviewSubjectType.GATE_REVIEW, gateReviewId, review.attempt())
        .stream().filter(ReviewDecision::isVote).toList();
    if (mapper.decide(gateReviewId, outcome, now()) == 0) {
      // decided meanwhile by another transaction: a gate is decided once
      throw BusinessRuleException.conflict("Gate review " + gateReviewId + " was decided meanwhile");
    }
    Project project = project(review.projectId());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("gate", review.gate());
    details.put("attempt", review.attempt());
    details.put("outcome", outcome);
    details.put("votes", votes.stream().map(v -> v.groupId() + ":" + v.decision()).toList());
    auditTrail.record("GATE_DECIDED", project.id(), project.code(), details);
    return outcome;
  }

  /** Conditions of a GO_WITH_CONDITIONS vote, one per line; owned by the project manager. */
  @Transactional
  public void addConditions(long gateReviewId, String conditions, String setBy) {
    GateReview review = get(gateReviewId);
    Project project = project(review.projectId());
    for (String line : conditions.split("\\R")) {
      String text = line.strip().replaceFirst("^[-*]\\s*", "");
      if (!text.isEmpty()) {
        mapper.insertCondition(new GateCondition(null, gateReviewId, project.id(), text, setBy,
            project.projectManager(), null, GateCondition.OPEN, null, null, null));
        auditTrail.record(setBy, "GATE_CONDITION_SET", project.id(), project.code(),
            Map.of("gate", review.gate(), "condition", text));
      }
    }
  }

  /**
   * Closes a condition: MET by the project manager or the PMO, WAIVED by the PMO only.
   */
  @Transactional
  public GateCondition closeCondition(long conditionId, String status, String by, boolean byPmo, String note) {
    GateCondition condition = mapper.findCondition(conditionId)
        .orElseThrow(() -> new NotFoundException("No gate condition " + conditionId));
    Project project = project(condition.projectId());
    if (!GateCondition.MET.equals(status) && !GateCondition.WAIVED.equals(status)) {
      throw new InvalidRequestException("status", "must be MET or WAIVED");
    }
    if (GateCondition.WAIVED.equals(status) && !byPmo) {
      throw BusinessRuleException.forbidden("Only the PMO waives a gate condition");
    }
    if (!byPmo && !by.equals(project.projectManager())) {
      throw BusinessRuleException.forbidden("Only the project manager " + project.projectManager()
          + " or the PMO closes conditions of " + project.code());
    }
    if (GateCondition.WAIVED.equals(status) && (note == null || note.isBlank())) {
      throw new InvalidRequestException("note", "is required to waive a condition");
    }
    if (mapper.closeCondition(conditionId, status, by, now(), note) == 0) {
      throw BusinessRuleException.conflict("Condition " + conditionId + " is already " + condition.status());
    }
    auditTrail.record(by, "GATE_CONDITION_" + status, project.id(), project.code(),
        Map.of("conditionId", conditionId, "condition", condition.description(), "note", note == null ? "" : note));
    return mapper.findCondition(conditionId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public GateReview get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No gate review " + id));
  }

  @Transactional(readOnly = true)
  public List<GateReview> reviews(long projectId) {
    return mapper.findByProject(projectId);
  }

  @Transactional(readOnly = true)
  public List<GateCondition> conditions(long projectId) {
    return mapper.findConditions(projectId);
  }

  @Transactional(readOnly = true)
  public long openConditions(long projectId) {
    return conditions(projectId).stream().filter(c -> GateCondition.OPEN.equals(c.status())).count();
  }

  private Project project(long projectId) {
    return projects.findById(projectId).orElseThrow(() -> new NotFoundException("No project with id " + projectId));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
