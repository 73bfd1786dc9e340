package io.openpmo.review;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.security.Groups;
import io.openpmo.task.TaskEligibility;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  public ReviewService(ReviewMapper mapper, AuditTrail auditTrail, Clock clock, TaskEligibility eligibility,
      CurrentUser currentUser, List<ReviewSubject> subjects) {
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
   * Refuses a person who may not handle this review: somebody who is not a member of the reviewing group,
   * the requester or sponsor (or whoever the subject bars), a person who declared a conflict of interest on
   * the subject, and a person who already voted in this round, in whatever group.
   */
  @Transactional(readOnly = true)
  public void checkMayHandle(ReviewTask task, String user) {
    if (user == null) {
      throw new SegregationOfDutiesException("a review is decided by a named person; log in and claim the task");
    }
    ReviewSubject.SubjectFacts facts = subject(task.subjectType()).facts(task.subjectId());
    if (!eligibility.isMemberOfAny(user, task.groups())) {
      throw new SegregationOfDutiesException(user + " is not a member of " + String.join(" or ", task.groups())
          + ", which reviews this for " + facts.projectCode());
    }
    String barred = facts.barredPersons().get(user);
    if (barred != null) {
      throw new SegregationOfDutiesException(user + " " + barred + " and may not review it");
    }
    if (mapper.countRecusals(task.subjectType(), task.subjectId(), user) > 0) {
      throw new SegregationOfDutiesException(user + " declared a conflict of interest on " + facts.projectCode()
          + " and may not review it");
    }
    if (mapper.countVotes(task.subjectType(), task.subjectId(), task.round(), user) > 0) {
      throw new SegregationOfDutiesException(user + " already voted on " + facts.projectCode() + " in round "
          + task.round() + "; one person casts one vote, whatever their groups");
    }
  }

  /** Records a vote or a conflict-of-interest declaration, after checking form and person. */
  @Transactional
  public ReviewDecision cast(ReviewTask task, String voter, Vote vote) {
    ReviewSubject subject = subject(task.subjectType());
    validate(subject, task.stage(), vote);
    checkMayHandle(task, voter);
    ReviewSubject.SubjectFacts facts = subject.facts(task.subjectId());
    boolean recusal = vote.conflictOfInterest();
    String decision = recusal ? ReviewDecision.RECUSED : vote.decision();
    String comment = recusal ? vote.conflictReason() : blankToNull(vote.comment());
    // a review open to several groups is recorded in the group the voter decides for (the first they belong to)
    String group = task.groups().size() <= 1 ? task.group() : task.groups().stream()
        .filter(g -> eligibility.isMemberOfAny(voter, List.of(g))).findFirst().orElse(task.group());
    ReviewDecision recorded = new ReviewDecision(null, task.subjectType(), task.subjectId(), facts.projectId(),
        task.round(), task.stage(), group, voter, decision, comment, task.taskId(), OffsetDateTime.now(clock));
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
    if (comment != null) {
      details.put(recusal ? "reason" : "comment", comment);
    }
    if (vote.conditions() != null && !vote.conditions().isBlank()) {
      details.put("conditions", vote.conditions());
    }
    details.put("taskId", task.taskId());
    auditTrail.record(voter, recusal ? "CONFLICT_OF_INTEREST_DECLARED" : "REVIEW_DECIDED", facts.projectId(),
        facts.projectId() == null ? null : facts.projectCode(), details);
    return recorded;
  }

  private static void validate(ReviewSubject subject, String stage, Vote vote) {
    if (vote.conflictOfInterest()) {
      if (vote.conflictReason() == null || vote.conflictReason().isBlank()) {
        throw new InvalidRequestException(ReviewVariables.CONFLICT_REASON,
            "is required when you declare a conflict of interest");
      }
      requireLength(ReviewVariables.CONFLICT_REASON, vote.conflictReason());
      return;
    }
    if (vote.decision() == null || !subject.decisions(stage).contains(vote.decision())) {
      throw new InvalidRequestException(ReviewVariables.DECISION,
          "must be one of " + String.join(", ", subject.decisions(stage)) + " (was " + vote.decision() + ")");
    }
    if (subject.needsComment(vote.decision()) && (vote.comment() == null || vote.comment().isBlank())) {
      throw new InvalidRequestException(ReviewVariables.COMMENT, "is required to explain " + vote.decision());
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

  /** The comments reviewers left on a subject, newest round first, as text for a form. */
  @Transactional(readOnly = true)
  public String commentsForForm(ReviewSubjectType type, long subjectId) {
    List<ReviewDecision> withComments = mapper.findBySubject(type, subjectId).stream()
        .filter(d -> d.isVote() && d.comment() != null)
        .sorted((a, b) -> Integer.compare(b.reviewRound(), a.reviewRound()))
        .toList();
    if (withComments.isEmpty()) {
      return "No comments yet.";
    }
    return withComments.stream()
        .map(d -> "- Round " + d.reviewRound() + ", " + d.groupId() + " (" + d.reviewer() + "): **" + d.decision()
            + "**: " + d.comment().replace('\n', ' '))
        .collect(Collectors.joining("\n"));
  }
}
