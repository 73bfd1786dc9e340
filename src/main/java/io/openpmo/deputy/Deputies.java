package io.openpmo.deputy;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.CheckedInService;
import io.openpmo.core.Constraints;
import io.openpmo.core.CurrentUser;
import io.openpmo.core.Directory;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.Labels;
import io.openpmo.core.NotFoundException;
import io.openpmo.security.Groups;
import io.openpmo.task.StandIns;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deputies of absent approvers. An approver names who stands in for them for a period (the PMO may name one for
 * an approver who cannot, but never itself); the deputy then holds the approver's group tasks and decides them
 * "acting for" the approver, under the same segregation of duties as the approver and themselves. It ends by
 * itself after its last day, or earlier when the approver or the PMO ends it. Who stands in for whom is the
 * answer {@link StandIns} gives to {@code task.TaskEligibility}, the one place that decides who may hold a task.
 *
 * <p>Rules for naming: the deputy is another person who works in Tasklist and audits nothing; the period starts
 * today or later and lasts at most {@value #MAX_DAYS} days; an approver has one deputy at a time; a deputy is
 * present (not away with a deputy of their own) and deputyships do not chain (an absent approver stands in for
 * nobody).
 */
@Service
public class Deputies implements StandIns {

  static final int MAX_DAYS = 366;
  static final int MAX_REASON = 500;

  /** Groups whose members are approvers and may name a deputy (sponsors are requesters: they accept deliverables). */
  static final List<String> APPROVER_GROUPS = List.of(Groups.PMO, Groups.FINANCE, Groups.RISK, Groups.COMPLIANCE,
      Groups.INFOSEC, Groups.STEERING_COMMITTEE, Groups.EXECUTIVE_COMMITTEE, Groups.RESOURCE_MANAGERS,
      Groups.PROJECT_MANAGERS, Groups.REQUESTERS);

  /** Groups whose members may stand in: people who work in Tasklist, not auditors, integrations or admins only. */
  static final List<String> DEPUTY_GROUPS = APPROVER_GROUPS;

  private final DeputyMapper mapper;
  private final Directory directory;
  private final CurrentUser currentUser;
  private final AuditTrail auditTrail;
  private final Clock clock;

  Deputies(DeputyMapper mapper, Directory directory, CurrentUser currentUser, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.directory = directory;
    this.currentUser = currentUser;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /**
   * What a person asks for when naming a deputy; {@code principal} is the caller unless the PMO names one. The
   * field rules are checked by {@link #name} with the business rules, so that one answer names every bad field.
   */
  @CheckedInService
  public record Request(@Size(max = 64) String principal, @Size(max = 64) String deputy, LocalDate validFrom,
      LocalDate validTo, @Size(max = MAX_REASON) String reason) {
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Labels.zone()));
  }

  /**
   * Names a deputy after checking who asks (the approver, or the PMO for somebody else but never itself), the
   * fields (400 naming each bad one) and the other deputyships (409 in words). Nothing is written on error.
   */
  @Transactional
  public Deputyship name(Request request, String caller) {
    if (caller == null) {
      throw BusinessRuleException.forbidden("Log in to name a deputy.");
    }
    String principal = request.principal() == null || request.principal().isBlank() ? caller
        : request.principal().strip();
    List<String> callerGroups = directory.groupsOf(caller);
    if (!principal.equals(caller)) {
      if (!callerGroups.contains(Groups.PMO)) {
        throw BusinessRuleException.forbidden("You may name a deputy for yourself only; the PMO names one for an"
            + " approver who cannot.");
      }
      if (caller.equals(request.deputy())) {
        throw BusinessRuleException.forbidden("The PMO names a deputy for " + principal + " but never itself: ask"
            + " another PMO member, or name somebody else.");
      }
    }
    validate(request, principal);
    List<String> principalGroups = directory.groupsOf(principal);
    if (principalGroups.stream().noneMatch(APPROVER_GROUPS::contains)) {
      throw BusinessRuleException.conflict(principal + " approves nothing, so " + principal + " needs no deputy.");
    }
    List<String> deputyGroups = directory.groupsOf(request.deputy());
    if (deputyGroups.contains(Groups.AUDITORS)) {
      throw new InvalidRequestException("deputy", "is a member of internal audit, which reviews decisions and takes"
          + " none");
    }
    if (deputyGroups.stream().noneMatch(DEPUTY_GROUPS::contains)) {
      throw new InvalidRequestException("deputy", "must be a person who works in Tasklist (" + request.deputy()
          + " is in none of its groups)");
    }
    for (Deputyship other : mapper.overlapping(principal, request.validFrom(), request.validTo())) {
      if (other.principal().equals(principal)) {
        throw BusinessRuleException.conflict(other.deputy() + " already stands in for " + principal + " from "
            + Labels.date(other.validFrom()) + " to " + Labels.date(other.validTo()) + "; end that first.");
      }
      throw BusinessRuleException.conflict(principal + " stands in for " + other.principal() + " from "
          + Labels.date(other.validFrom()) + " to " + Labels.date(other.validTo()) + ", so " + principal
          + " cannot be away with a deputy then; end that first.");
    }
    for (Deputyship other : mapper.overlapping(request.deputy(), request.validFrom(), request.validTo())) {
      if (other.principal().equals(request.deputy())) {
        throw BusinessRuleException.conflict(request.deputy() + " is away from " + Labels.date(other.validFrom())
            + " to " + Labels.date(other.validTo()) + " with " + other.deputy() + " as deputy; name somebody who"
            + " is present.");
      }
    }
    DeputyMapper.NewDeputyship named = new DeputyMapper.NewDeputyship(new Deputyship(null, principal,
        request.deputy(), request.validFrom(), request.validTo(), blankToNull(request.reason()), caller, now(), null,
        null, null));
    mapper.insert(named);
    Deputyship stored = get(named.id);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deputyshipId", stored.id());
    details.put("principal", principal);
    details.put("deputy", stored.deputy());
    details.put("validFrom", stored.validFrom().toString());
    details.put("validTo", stored.validTo().toString());
    if (stored.reason() != null) {
      details.put("reason", stored.reason());
    }
    auditTrail.record(caller, "DEPUTY_NAMED", null, null, details);
    return stored;
  }

  private void validate(Request request, String principal) {
    List<FieldProblem> problems = new ArrayList<>();
    if (request.deputy() == null || request.deputy().isBlank()) {
      problems.add(new FieldProblem("deputy", "is required: the user id of who stands in for you"));
    } else if (request.deputy().length() > 64 || !request.deputy().matches("[a-zA-Z0-9]+")
        || !directory.userExists(request.deputy())) {
      problems.add(new FieldProblem("deputy", "is not a known user"
          + (request.deputy().length() > 64 ? "" : ": " + request.deputy())));
    } else if (request.deputy().equals(principal)) {
      problems.add(new FieldProblem("deputy", "must be somebody else than " + principal));
    }
    if (principal.length() > 64 || !principal.matches("[a-zA-Z0-9]+") || !directory.userExists(principal)) {
      problems.add(new FieldProblem("principal", "is not a known user: "
          + (principal.length() > 64 ? principal.substring(0, 64) + "..." : principal)));
    }
    LocalDate today = today();
    if (request.validFrom() == null) {
      problems.add(new FieldProblem("validFrom", "is required: the first day the deputy stands in"));
    } else if (request.validFrom().isBefore(today)) {
      problems.add(new FieldProblem("validFrom", "must be today or later"));
    }
    if (request.validTo() == null) {
      problems.add(new FieldProblem("validTo", "is required: the last day the deputy stands in"));
    } else if (request.validFrom() != null && request.validTo().isBefore(request.validFrom())) {
      problems.add(new FieldProblem("validTo", "must be on or after the first day"));
    } else if (request.validFrom() != null
        && ChronoUnit.DAYS.between(request.validFrom(), request.validTo()) + 1 > MAX_DAYS) {
      problems.add(new FieldProblem("validTo", "must be at most " + MAX_DAYS + " days after the first day"));
    }
    if (request.reason() != null && request.reason().length() > MAX_REASON) {
      problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
    }
    Constraints.addMissing(problems, request);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /** Ends a deputyship now: by its approver, whoever named it, or the PMO. Ending an ended one changes nothing. */
  @Transactional
  public Deputyship end(long id, String caller) {
    Deputyship deputyship = visible(id, caller);
    boolean entitled = caller.equals(deputyship.principal()) || caller.equals(deputyship.namedBy())
        || directory.groupsOf(caller).contains(Groups.PMO);
    if (!entitled) {
      throw BusinessRuleException.forbidden("Only " + deputyship.principal() + " or the PMO ends this deputyship.");
    }
    if (deputyship.endedAt() != null || deputyship.overOn(today())) {
      return deputyship;
    }
    mapper.end(id, now(), caller);
    auditTrail.record(caller, "DEPUTY_ENDED", null, null, Map.of("deputyshipId", id,
        "principal", deputyship.principal(), "deputy", deputyship.deputy(), "early", true));
    return get(id);
  }

  /** A deputyship the caller may see: the PMO, auditors and admins see all, others their own; else 404. */
  @Transactional(readOnly = true)
  public Deputyship visible(long id, String caller) {
    Deputyship deputyship = mapper.findById(id).orElseThrow(() -> new NotFoundException("No deputyship " + id));
    if (seesAll() || caller.equals(deputyship.principal()) || caller.equals(deputyship.deputy())
        || caller.equals(deputyship.namedBy())) {
      return deputyship;
    }
    throw new NotFoundException("No deputyship " + id);
  }

  /** Deputyships the caller may see, still running or ended since {@code since} (null: all), newest first. */
  @Transactional(readOnly = true)
  public List<Deputyship> list(String caller, LocalDate since) {
    return mapper.search(seesAll() ? null : caller, since);
  }

  private boolean seesAll() {
    return currentUser.isInAnyGroup(Groups.PMO, Groups.AUDITORS, Groups.ADMIN);
  }

  @Transactional(readOnly = true)
  public Deputyship get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("No deputyship " + id));
  }

  @Transactional
  public void attachProcess(long id, String processInstanceId) {
    if (mapper.attachProcess(id, processInstanceId) == 0) {
      // one deputyship, one process: a second process would end it twice or not at all
      throw new IllegalStateException("Deputyship " + id + " already has its process");
    }
  }

  /** Who stands in for the person today, if anybody. */
  @Transactional(readOnly = true)
  public List<Deputyship> deputiesOf(String principal) {
    return mapper.activeForPrincipal(principal, today());
  }

  /** Every deputyship running today. */
  @Transactional(readOnly = true)
  public List<Deputyship> activeToday() {
    LocalDate today = today();
    return mapper.search(null, today).stream().filter(d -> d.activeOn(today)).toList();
  }

  // --- StandIns: what task eligibility asks ---

  @Override
  @Transactional(readOnly = true)
  public List<StandIn> principalsOf(String user) {
    return mapper.activeAsDeputy(user, today()).stream()
        .map(d -> new StandIn(d.id(), d.principal(), d.validTo())).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public List<StandIn> endedFor(String user) {
    LocalDate today = today();
    return mapper.asDeputy(user).stream().filter(d -> d.overOn(today) && !d.validFrom().isAfter(d.lastDay()))
        .map(d -> new StandIn(d.id(), d.principal(), d.lastDay())).toList();
  }

  @Override
  @Transactional
  public void recordAction(StandIn standIn, String deputy, String taskId, Long projectId, String taskName) {
    mapper.insertAction(taskId, standIn.deputyshipId(), deputy, standIn.principal(), projectId, taskName, now());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deputyshipId", standIn.deputyshipId());
    details.put("actingFor", standIn.principal());
    details.put("taskId", taskId);
    details.put("task", taskName);
    auditTrail.record(deputy, "DEPUTY_COMPLETED_TASK", projectId, null, details);
  }

  /** Tasks that are not votes which deputies completed on a project, oldest first. */
  @Transactional(readOnly = true)
  public List<DeputyAction> actionsOnProject(long projectId) {
    return mapper.actionsOnProject(projectId);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
