package io.openpmo.review;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.Labels;
import io.openpmo.security.Groups;
import io.openpmo.task.StandIns;
import io.openpmo.task.TaskEligibility;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of any subject: who may handle a review (segregation of duties), recording votes and
 * conflict-of-interest declarations, and the comments reviewers left. Testable without the engine;
 * {@code ReviewTaskListener} connects it to the review tasks.
 */
@Service
public class ReviewService {

  private static final int MAX_TEXT = 4000;

  private final ReviewMapper mapper;
  private final AuditTrail auditTrail;
  private final Clock clock;
  private final TaskEligibility eligibility;
  private final CurrentUser currentUser;
  private final Map<ReviewSubjectType, ReviewSubject> subjects = new EnumMap<>(ReviewSubjectType.class);
  private final ObjectProvider<VoteHistory> voteHistory;
  private final ApplicationEventPublisher events;

  /** A vote or recusal was recorded on a project (published in the vote's transaction). */
  public record VoteRecorded(long projectId, String taskId) {
  }

  public ReviewService(ReviewMapper mapper, AuditTrail auditTrail, Clock clock, TaskEligibility eligibility,
      CurrentUser currentUser, List<ReviewSubject> subjects, ObjectProvider<VoteHistory> voteHistory,
      ApplicationEventPublisher events) {
    this.voteHistory = voteHistory;
    this.events = events;
    this.eligibility = eligibility;
    this.currentUser = currentUser;
    this.mapper = mapper;
    this.auditTrail = auditTrail;
    this.clock = clock;
    subjects.forEach(subject -> this.subjects.put(subject.type(), subject));
  }

  public ReviewSubject subject(ReviewSubjectType type) {
    ReviewSubject subject = subjects.get(type);
    if (subject == null) {
      throw new IllegalStateException("No review subject for " + type);
    }
    return subject;
  }

  /**
   * How the person may handle this review, or a refusal in one sentence: somebody who is neither a member of the
   * reviewing group nor the deputy of one; the requester or sponsor (or whoever the subject bars); a person who
   * declared a conflict of interest on the subject; a person who already voted in this round, in whatever group
   * and capacity. A deputy stands in for a member who could review it: the same rules apply to that member
   * (a deputy does not review for the sponsor), and each person is represented by at most one vote per round,
   * cast by themselves or by their deputy.
   */
  @Transactional(readOnly = true)
  public TaskEligibility.Standing checkMayHandle(ReviewTask task, String user) {
    if (user == null) {
      throw new SegregationOfDutiesException("A review is decided by a named person: log in and claim the task.");
    }
    ReviewSubject.SubjectFacts facts = subject(task.subjectType()).facts(task.subjectId());
    String who = eligibility.who(user);
    String mayNot = ", so " + lower(who) + " may not review it.";
    ReviewSubject.Bar bar = facts.barredPersons().get(user);
    if (bar != null) {
      throw new SegregationOfDutiesException(who + " " + ("You".equals(who) ? bar.asYou() : bar.asThey()) + mayNot);
    }
    if (mapper.countRecusals(task.subjectType(), task.subjectId(), user) > 0) {
      throw new SegregationOfDutiesException(who + " declared a conflict of interest on " + facts.projectCode()
          + mayNot);
    }
    if (mapper.countVotes(task.subjectType(), task.subjectId(), task.round(), user) > 0) {
      throw new SegregationOfDutiesException(who + " already voted on " + facts.projectCode() + " in round "
          + task.round() + "; one person casts one vote, whatever their groups.");
    }
    if (eligibility.isMemberOfAny(user, task.groups())) {
      if (mapper.countVotesFor(task.subjectType(), task.subjectId(), task.round(), user) > 0) {
        throw new SegregationOfDutiesException("A deputy already voted for " + lower(who) + " on "
            + facts.projectCode() + " in round " + task.round() + "; one person casts one vote, whatever their groups.");
      }
      return TaskEligibility.Standing.own(user);
    }
    String refusal = null;
    for (StandIns.StandIn standIn : eligibility.principalsOf(user)) {
      String principal = standIn.principal();
      if (!eligibility.isMemberOfAny(principal, task.groups())) {
        continue;
      }
      String standsIn = who + " " + ("You".equals(who) ? "stand" : "stands") + " in for " + principal + ", who ";
      ReviewSubject.Bar principalBar = facts.barredPersons().get(principal);
      String problem = principalBar != null ? principalBar.asThey()
          : mapper.countRecusals(task.subjectType(), task.subjectId(), principal) > 0
              ? "declared a conflict of interest on " + facts.projectCode()
              : mapper.countVotes(task.subjectType(), task.subjectId(), task.round(), principal) > 0
                  || mapper.countVotesFor(task.subjectType(), task.subjectId(), task.round(), principal) > 0
                  ? "already has a vote on " + facts.projectCode() + " in round " + task.round() : null;
      if (problem == null) {
        return new TaskEligibility.Standing(user, principal, standIn.deputyshipId());
      }
      if (refusal == null) {
        refusal = standsIn + problem + ", so " + lower(who) + " may not review it for them.";
      }
    }
    if (refusal != null) {
      throw new SegregationOfDutiesException(refusal);
    }
    throw new SegregationOfDutiesException(who + " " + ("You".equals(who) ? "are" : "is") + " not a member of "
        + task.groupLabel() + ", which reviews this for " + facts.projectCode()
        + eligibility.endedStandIn(user, principal -> eligibility.isMemberOfAny(principal, task.groups()))
        + ".");
  }

  private static String lower(String who) {
    return "You".equals(who) ? "you" : who;
  }

  /** Records a vote or a conflict-of-interest declaration, after checking form and person. */
  @Transactional
  public ReviewDecision cast(ReviewTask task, String voter, Vote vote) {
    ReviewSubject subject = subject(task.subjectType());
    validate(subject, task.stage(), vote);
    TaskEligibility.Standing standing = checkMayHandle(task, voter);
    ReviewSubject.SubjectFacts facts = subject.facts(task.subjectId());
    boolean recusal = vote.conflictOfInterest();
    String decision = recusal ? ReviewDecision.RECUSED : vote.decision();
    String comment = recusal ? vote.conflictReason() : blankToNull(vote.comment());
    // a review open to several groups is recorded in the group the vote is cast for: the first the voter belongs
    // to, or, for a deputy, the first the person they stand in for belongs to
    String member = standing.isDeputy() ? standing.actingFor() : voter;
    String group = task.groups().size() <= 1 ? task.group() : task.groups().stream()
        .filter(g -> eligibility.isMemberOfAny(member, List.of(g))).findFirst().orElse(task.group());
    ReviewDecision recorded = new ReviewDecision(null, task.subjectType(), task.subjectId(), facts.projectId(),
        task.round(), task.stage(), group, voter, decision, comment, task.taskId(), OffsetDateTime.now(clock),
        standing.actingFor());
    mapper.insert(recorded);
    if (!recusal) {
      subject.onVote(task, recorded, vote);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("subject", task.subjectType().name());
    details.put("subjectId", task.subjectId());
    details.put("round", task.round());
    details.put("stage", task.stage());
    details.put("group", group);
    if (facts.projectId() == null) {
      details.put("subjectCode", facts.projectCode());
    }
    details.put("decision", decision);
    if (standing.isDeputy()) {
      details.put("actingFor", standing.actingFor());
      details.put("deputyshipId", standing.deputyshipId());
    }
    if (comment != null) {
      details.put(recusal ? "reason" : "comment", comment);
    }
    if (vote.conditions() != null && !vote.conditions().isBlank()) {
      details.put("conditions", vote.conditions());
    }
    details.put("taskId", task.taskId());
    auditTrail.record(voter, recusal ? "CONFLICT_OF_INTEREST_DECLARED" : "REVIEW_DECIDED", facts.projectId(),
        facts.projectId() == null ? null : facts.projectCode(), details);
    if (facts.projectId() != null) {
      events.publishEvent(new VoteRecorded(facts.projectId(), task.taskId()));
    }
    return recorded;
  }

  private static void validate(ReviewSubject subject, String stage, Vote vote) {
    if (vote.conflictOfInterest()) {
      if (vote.conflictReason() == null || vote.conflictReason().isBlank()) {
        throw new InvalidRequestException(ReviewVariables.CONFLICT_REASON,
            "is required when you declare a conflict of interest (only the PMO and internal audit read it)");
      }
      requireLength(ReviewVariables.CONFLICT_REASON, vote.conflictReason());
      return;
    }
    if (vote.decision() == null || !subject.decisions(stage).contains(vote.decision())) {
      throw new InvalidRequestException(ReviewVariables.DECISION, "must be one of "
          + subject.decisions(stage).stream().map(d -> Labels.value(d) + " (" + d + ")").collect(Collectors.joining(", "))
          + (vote.decision() == null ? "" : "; " + vote.decision() + " is not one of them"));
    }
    if (subject.needsComment(vote.decision()) && (vote.comment() == null || vote.comment().isBlank())) {
      throw new InvalidRequestException(ReviewVariables.COMMENT, "is required: say why you chose “"
          + Labels.value(vote.decision()) + "”");
    }
    requireLength(ReviewVariables.COMMENT, vote.comment());
    requireLength(ReviewVariables.CONDITIONS, vote.conditions());
    subject.validate(stage, vote);
  }

  private static void requireLength(String field, String text) {
    if (text != null && text.length() > MAX_TEXT) {
      throw new InvalidRequestException(field, "must be at most " + MAX_TEXT + " characters");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @Transactional(readOnly = true)
  public List<ReviewDecision> decisions(ReviewSubjectType type, long subjectId) {
    return mapper.findBySubject(type, subjectId);
  }

  @Transactional(readOnly = true)
  public List<ReviewDecision> decisions(ReviewSubjectType type, long subjectId, int round) {
    return mapper.findByRound(type, subjectId, round);
  }

  /**
   * Decisions as the current caller may read them: the reason of a conflict-of-interest declaration is private
   * to the PMO and internal audit (it may name a relationship); everyone else sees that the reviewer recused.
   */
  public List<ReviewDecision> asSeenByCaller(List<ReviewDecision> decisions) {
    if (currentUser.isInAnyGroup(Groups.PMO, Groups.AUDITORS)) {
      return decisions;
    }
    return decisions.stream().map(ReviewDecision::withoutConflictReason).toList();
  }

  /** Every vote and declaration on a project, on any subject (request, gates, changes), oldest first. */
  @Transactional(readOnly = true)
  public List<ReviewDecision> decisionsOnProject(long projectId) {
    return mapper.findByProject(projectId);
  }

  /** Votes on the subject, or on the whole project, in Markdown for a form (see {@link VoteHistory}). */
  @Transactional(readOnly = true)
  public String commentsForForm(ReviewSubjectType type, long subjectId) {
    return voteHistory.getObject().markdown(mapper.findBySubject(type, subjectId));
  }

  /** The short name of what a decision was about: "Request (G0)", "G1", "PRJ-2026-0003-CR1". */
  @Transactional(readOnly = true)
  public String subjectLabel(ReviewDecision decision) {
    return subject(decision.subjectType()).label(decision.subjectId());
  }
}
