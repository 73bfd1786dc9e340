package io.openpmo.planning;

import static io.openpmo.planning.PortfolioReviewVariables.APPROVE;
import static io.openpmo.planning.PortfolioReviewVariables.PREPARE;
import static io.openpmo.planning.PortfolioReviewVariables.REVIEW;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.Directory;
import io.openpmo.core.EngineAccess;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.review.SegregationOfDutiesException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio review of a period: the PMO puts solved scenarios forward, finance and the steering committee
 * endorse or ask for rework, the executive committee approves one, which becomes the portfolio plan of the period.
 * Every decision is recorded here with the authenticated user; the process's gateways only read the outcome that
 * this service works out from these records. Segregation of duties: only members of a task's group hold it; whoever
 * put the scenarios forward, or prepared a scenario (made, changed or solved it), neither reviews nor approves it;
 * one person decides once per round, whatever their groups.
 */
@Service
public class PortfolioReviews {

  public static final List<String> REVIEW_DECISIONS = PortfolioDecision.names(PortfolioDecision.ENDORSE,
      PortfolioDecision.REWORK);
  public static final List<String> APPROVAL_DECISIONS = PortfolioDecision.names(PortfolioDecision.APPROVE,
      PortfolioDecision.REWORK);
  static final int MAX_SCENARIOS = 5;

  private final PortfolioReviewMapper mapper;
  private final ScenarioService scenarios;
  private final Directory directory;
  private final RuntimeService runtimeService;
  private final EngineAccess engineAccess;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public PortfolioReviews(PortfolioReviewMapper mapper, ScenarioService scenarios, Directory directory,
      RuntimeService runtimeService, EngineAccess engineAccess, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.scenarios = scenarios;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.engineAccess = engineAccess;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Opens a review of the period and starts its process (the caller's authorization was checked: PMO). */
  @Transactional
  public PortfolioReview start(YearMonth periodFrom, Integer months, String by) {
    List<FieldProblem> problems = new ArrayList<>();
    if (periodFrom == null) {
      problems.add(new FieldProblem("periodFrom", "is required as YYYY-MM"));
    }
    int length = months == null ? ScenarioService.DEFAULT_PERIOD_MONTHS : months;
    if (length < 1 || length > 36) {
      problems.add(new FieldProblem("months", "must be between 1 and 36"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    String code = String.format("PRV-%d-%02d", periodFrom.getYear(), mapper.nextCodeNumber());
    long id = mapper.insert(new PortfolioReview(null, code, periodFrom.atDay(1), length, PortfolioReview.PREPARING, 1,
        by, null, null, null, null, now()));
    String instance = engineAccess.asSystem(() -> runtimeService
        .createProcessInstanceByKey(PortfolioReviewVariables.PROCESS_KEY).businessKey(code)
        .setVariable(PortfolioReviewVariables.REVIEW_ID, id).execute().getId());
    mapper.attachProcess(id, instance);
    auditTrail.record(by, "PORTFOLIO_REVIEW_STARTED", null, null, Map.of("review", code, "periodFrom",
        periodFrom.toString(), "months", length));
    return get(id);
  }

  @Transactional(readOnly = true)
  public PortfolioReview get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No portfolio review with id " + id));
  }

  @Transactional(readOnly = true)
  public PortfolioReview get(String code) {
    return mapper.findByCode(code).orElseThrow(() -> new NotFoundException("No portfolio review " + code));
  }

  @Transactional(readOnly = true)
  public List<PortfolioReview> list() {
    return mapper.findAll();
  }

  @Transactional(readOnly = true)
  public List<PortfolioReview.Decision> decisions(long reviewId) {
    return mapper.findDecisions(reviewId);
  }

  /** The scenarios put forward in a round. */
  @Transactional(readOnly = true)
  public List<Scenario> roundScenarios(long reviewId, int round) {
    return mapper.findRoundScenarios(reviewId, round).stream().map(scenarios::get).toList();
  }

  @Transactional(readOnly = true)
  public List<PortfolioReview.Plan> plans(boolean inForceOnly) {
    return mapper.findPlans(inForceOnly);
  }

  // ---- tasks -------------------------------------------------------------------------------------------------

  /** Records what a new task decides: its review, the current round, the stage and the group it is offered to. */
  @Transactional
  public PortfolioReview.Task openTask(String taskId, long reviewId, String stage, String group) {
    PortfolioReview review = get(reviewId);
    PortfolioReview.Task task = new PortfolioReview.Task(taskId, reviewId, review.reviewRound(), stage, group, now());
    mapper.insertTask(task);
    return task;
  }

  @Transactional(readOnly = true)
  public PortfolioReview.Task task(String taskId) {
    return mapper.findTask(taskId).orElseThrow(() -> new IllegalStateException("Task " + taskId
        + " is not a task of a portfolio review"));
  }

  /** Whether the user may hold (claim, complete) the task; throws a 403 saying why not. */
  @Transactional(readOnly = true)
  public void checkMayHold(PortfolioReview.Task task, String user) {
    if (user == null) {
      throw new SegregationOfDutiesException("a portfolio review task is decided by a named person");
    }
    if (!directory.groupsOf(user).contains(task.groupId())) {
      throw new SegregationOfDutiesException(user + " is not a member of " + task.groupId()
          + ", the group this task is for");
    }
    if (PREPARE.equals(task.stage())) {
      return;
    }
    List<PortfolioReview.Decision> round = roundDecisions(task.reviewId(), task.reviewRound());
    for (PortfolioReview.Decision d : round) {
      if (d.decidedBy().equals(user) && "SUBMITTED".equals(d.decision())) {
        throw new SegregationOfDutiesException(user + " put the scenarios of this round forward and may not "
            + (REVIEW.equals(task.stage()) ? "review" : "approve") + " them");
      }
      if (d.decidedBy().equals(user) && !"SUBMITTED".equals(d.decision())) {
        throw new SegregationOfDutiesException(user + " already decided in round " + task.reviewRound()
            + " (" + d.groupId() + "); one person decides once, whatever their groups");
      }
    }
    if (REVIEW.equals(task.stage())) {
      for (Scenario scenario : roundScenarios(task.reviewId(), task.reviewRound())) {
        if (preparers(scenario).contains(user)) {
          throw new SegregationOfDutiesException(user + " prepared " + scenario.code() + " and may not review it");
        }
      }
    }
  }

  /** The PMO puts scenarios forward: solved, of the review's period, at most five. */
  @Transactional
  public void submit(PortfolioReview.Task task, String user, List<String> codes, String comment) {
    checkMayHold(task, user);
    PortfolioReview review = get(task.reviewId());
    if (codes == null || codes.isEmpty()) {
      throw new InvalidRequestException(PortfolioReviewVariables.SCENARIO_CODES, "names at least one scenario");
    }
    Set<String> distinct = new LinkedHashSet<>(codes);
    if (distinct.size() > MAX_SCENARIOS) {
      throw new InvalidRequestException(PortfolioReviewVariables.SCENARIO_CODES, "names at most " + MAX_SCENARIOS
          + " scenarios");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<Scenario> chosen = new ArrayList<>();
    for (String code : distinct) {
      Scenario scenario;
      try {
        scenario = scenarios.get(code);
      } catch (NotFoundException e) {
        problems.add(new FieldProblem(PortfolioReviewVariables.SCENARIO_CODES, "is not a scenario: " + code));
        continue;
      }
      if (!scenario.periodFrom().equals(review.periodFrom()) || !scenario.months().equals(review.months())) {
        problems.add(new FieldProblem(PortfolioReviewVariables.SCENARIO_CODES, code + " is not for the period of "
            + review.code() + " (" + YearMonth.from(review.periodFrom()) + ", " + review.months() + " months)"));
      } else if (!Scenario.SOLVED.equals(scenario.status())) {
        problems.add(new FieldProblem(PortfolioReviewVariables.SCENARIO_CODES, code + " is " + scenario.status()
            + ": only solved scenarios are put forward"));
      }
      chosen.add(scenario);
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    for (Scenario scenario : chosen) {
      mapper.insertRoundScenario(review.id(), scenario.id(), task.reviewRound());
      scenarios.setStatus(scenario.id(), Scenario.IN_REVIEW);
    }
    record(task, user, "SUBMITTED", null, comment);
    mapper.setStatus(review.id(), PortfolioReview.IN_REVIEW);
    auditTrail.record(user, "PORTFOLIO_SCENARIOS_SUBMITTED", null, null, Map.of("review", review.code(), "round",
        task.reviewRound(), "scenarios", chosen.stream().map(Scenario::code).toList()));
  }

  /** Finance or the steering committee endorses (optionally naming the scenario it prefers) or asks for rework. */
  @Transactional
  public void review(PortfolioReview.Task task, String user, String decision, String preferred, String comment) {
    checkMayHold(task, user);
    List<FieldProblem> problems = new ArrayList<>();
    if (decision == null || !REVIEW_DECISIONS.contains(decision)) {
      problems.add(new FieldProblem(PortfolioReviewVariables.DECISION, "must be one of ENDORSE, REWORK (was "
          + decision + ")"));
    }
    if (PortfolioDecision.REWORK.is(decision) && comment == null) {
      problems.add(new FieldProblem(PortfolioReviewVariables.COMMENT, "is required: what should change?"));
    }
    Scenario scenario = preferred == null ? null : roundScenario(task, preferred, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    record(task, user, decision, scenario, comment);
  }

  /** The outcome of the reviews of the current round, from the recorded decisions: REWORK if any asked for it. */
  @Transactional
  public String consolidate(long reviewId) {
    PortfolioReview review = get(reviewId);
    boolean rework = roundDecisions(reviewId, review.reviewRound()).stream()
        .anyMatch(d -> REVIEW.equals(d.stage()) && PortfolioDecision.REWORK.is(d.decision()));
    if (!rework) {
      mapper.setStatus(reviewId, PortfolioReview.AWAITING_APPROVAL);
    }
    return rework ? PortfolioDecision.REWORK.name() : "ENDORSED";
  }

  /** Back to the PMO: a new round; the scenarios of the round may change again. */
  @Transactional
  public void reopen(long reviewId) {
    PortfolioReview review = get(reviewId);
    for (Scenario scenario : roundScenarios(reviewId, review.reviewRound())) {
      if (Scenario.IN_REVIEW.equals(scenario.status())) {
        scenarios.setStatus(scenario.id(), Scenario.SOLVED);
      }
    }
    mapper.nextRound(reviewId);
    auditTrail.record("PORTFOLIO_REVIEW_REWORK", null, null, Map.of("review", review.code(), "round",
        review.reviewRound() + 1));
  }

  /** The executive committee approves one scenario of the round, or sends the review back. */
  @Transactional
  public String approve(PortfolioReview.Task task, String user, String decision, String code, String comment) {
    checkMayHold(task, user);
    List<FieldProblem> problems = new ArrayList<>();
    if (decision == null || !APPROVAL_DECISIONS.contains(decision)) {
      problems.add(new FieldProblem(PortfolioReviewVariables.DECISION, "must be one of APPROVE, REWORK (was "
          + decision + ")"));
    }
    Scenario scenario = null;
    if (PortfolioDecision.APPROVE.is(decision)) {
      if (code == null) {
        problems.add(new FieldProblem(PortfolioReviewVariables.SCENARIO, "is required: which scenario is approved?"));
      } else {
        scenario = roundScenario(task, code, problems);
      }
    }
    if (PortfolioDecision.REWORK.is(decision) && comment == null) {
      problems.add(new FieldProblem(PortfolioReviewVariables.COMMENT, "is required: what should change?"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (scenario != null && preparers(scenario).contains(user)) {
      throw new SegregationOfDutiesException(user + " prepared " + scenario.code() + " and may not approve it");
    }
    record(task, user, decision, scenario, comment);
    return decision;
  }

  /**
   * The approved scenario becomes the portfolio plan of the period (a plan in force for the same period is
   * superseded); the other scenarios of the round are rejected. Reads the approval from the recorded decisions.
   */
  @Transactional
  public PortfolioReview.Plan adopt(long reviewId) {
    PortfolioReview review = get(reviewId);
    PortfolioReview.Decision approval = roundDecisions(reviewId, review.reviewRound()).stream()
        .filter(d -> APPROVE.equals(d.stage()) && PortfolioDecision.APPROVE.is(d.decision())).findFirst()
        .orElseThrow(() -> BusinessRuleException.conflict(review.code() + " has no approved scenario in round "
            + review.reviewRound()));
    Scenario approved = scenarios.get(approval.scenarioId());
    if (mapper.approve(reviewId, approved.id(), approval.decidedBy(), approval.decidedAt()) == 0) {
      throw BusinessRuleException.conflict(review.code() + " is " + review.status() + ", not awaiting approval");
    }
    int superseded = mapper.supersedePlans(review.periodFrom(), review.months());
    PortfolioReview.Plan plan = new PortfolioReview.Plan(null, review.periodFrom(), review.months(), approved.id(),
        approved.code(), reviewId, review.code(), "IN_FORCE", approval.decidedBy(), approval.decidedAt());
    mapper.insertPlan(plan);
    scenarios.setStatus(approved.id(), Scenario.APPROVED);
    for (Scenario other : roundScenarios(reviewId, review.reviewRound())) {
      if (!other.id().equals(approved.id())) {
        scenarios.setStatus(other.id(), Scenario.REJECTED);
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("review", review.code());
    details.put("scenario", approved.code());
    details.put("periodFrom", YearMonth.from(review.periodFrom()).toString());
    details.put("months", review.months());
    details.put("valueFunded", approved.valueFunded());
    details.put("costInPeriod", approved.costInPeriod());
    details.put("approvedBy", approval.decidedBy());
    details.put("supersededPlans", superseded);
    auditTrail.record(approval.decidedBy(), "PORTFOLIO_PLAN_ADOPTED", null, null, details);
    return mapper.findPlans(true).stream().filter(p -> p.scenarioId().equals(approved.id())).findFirst()
        .orElseThrow();
  }

  /** Who prepared a scenario: whoever made it, last changed it or solved it. */
  static Set<String> preparers(Scenario scenario) {
    Set<String> people = new LinkedHashSet<>();
    people.add(scenario.createdBy());
    people.add(scenario.updatedBy());
    if (scenario.solvedBy() != null) {
      people.add(scenario.solvedBy());
    }
    return people;
  }

  private Scenario roundScenario(PortfolioReview.Task task, String code, List<FieldProblem> problems) {
    for (Scenario scenario : roundScenarios(task.reviewId(), task.reviewRound())) {
      if (scenario.code().equals(code)) {
        return scenario;
      }
    }
    problems.add(new FieldProblem(PortfolioReviewVariables.SCENARIO, "is not a scenario of this round: " + code));
    return null;
  }

  private List<PortfolioReview.Decision> roundDecisions(long reviewId, int round) {
    return mapper.findDecisions(reviewId).stream().filter(d -> d.reviewRound() == round).toList();
  }

  private void record(PortfolioReview.Task task, String user, String decision, Scenario scenario, String comment) {
    if (comment != null && comment.length() > 4000) {
      throw new InvalidRequestException(PortfolioReviewVariables.COMMENT, "must be at most 4000 characters");
    }
    PortfolioReview review = get(task.reviewId());
    mapper.insertDecision(new PortfolioReview.Decision(null, task.reviewId(), task.reviewRound(), task.stage(),
        task.groupId(), user, decision, scenario == null ? null : scenario.id(), null, comment, task.taskId(), now()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("review", review.code());
    details.put("round", task.reviewRound());
    details.put("stage", task.stage());
    details.put("group", task.groupId());
    details.put("decision", decision);
    if (scenario != null) {
      details.put("scenario", scenario.code());
    }
    if (comment != null) {
      details.put("comment", comment);
    }
    auditTrail.record(user, "PORTFOLIO_REVIEW_DECIDED", null, null, details);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
