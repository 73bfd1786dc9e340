package io.openpmo.status;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.Directory;
import io.openpmo.core.Constraints;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import io.openpmo.project.Project;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Risks and issues of a project: severity, probability and impact, owner, status. */
@Service
public class RiskRegister {

  static final Set<String> KINDS = Set.of("RISK", "ISSUE");
  static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
  static final Set<String> STATUSES = RegisterStatus.NAMES;

  private final StatusMapper mapper;
  private final Directory directory;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public RiskRegister(StatusMapper mapper, Directory directory, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.directory = directory;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional
  public RiskIssue add(Project project, RiskIssueInput input, String by) {
    validate(input, true);
    OffsetDateTime now = now();
    long id = mapper.insertRiskIssue(new RiskIssue(null, project.id(), input.kind(), input.title().strip(),
        input.description(), input.severity(), input.probability(), input.impact(), input.owner(),
        input.status() == null ? RegisterStatus.OPEN : RegisterStatus.valueOf(input.status()), input.dueDate(), by, now, now));
    auditTrail.record(by, input.kind() + "_RECORDED", project.id(), project.code(),
        Map.of("id", id, "title", input.title(), "severity", input.severity(), "owner", input.owner()));
    return get(id);
  }

  @Transactional
  public RiskIssue update(Project project, long id, RiskIssueInput input, String by) {
    RiskIssue existing = get(id);
    if (!existing.projectId().equals(project.id())) {
      throw new NotFoundException("No register entry " + id + " in " + project.code());
    }
    if (input.kind() != null && !input.kind().equals(existing.kind())) {
      // a PATCH names only what changes: a kind it cannot change is refused, never silently ignored
      throw new InvalidRequestException("kind", KINDS.contains(input.kind())
          ? "cannot be changed: entry " + id + " is a " + existing.kind()
          : "must be RISK or ISSUE (was " + input.kind() + ")");
    }
    RiskIssueInput merged = new RiskIssueInput(existing.kind(), or(input.title(), existing.title()),
        or(input.description(), existing.description()), or(input.severity(), existing.severity()),
        or(input.probability(), existing.probability()), or(input.impact(), existing.impact()),
        or(input.owner(), existing.owner()), or(input.status(), existing.status().name()), or(input.dueDate(), existing.dueDate()));
    validate(merged, false);
    mapper.updateRiskIssue(new RiskIssue(id, project.id(), existing.kind(), merged.title(), merged.description(),
        merged.severity(), merged.probability(), merged.impact(), merged.owner(), RegisterStatus.valueOf(merged.status()), merged.dueDate(),
        existing.createdBy(), existing.createdAt(), now()));
    auditTrail.record(by, existing.kind() + "_UPDATED", project.id(), project.code(),
        Map.of("id", id, "severity", merged.severity(), "status", merged.status()));
    return get(id);
  }

  private void validate(RiskIssueInput input, boolean creating) {
    List<FieldProblem> problems = new ArrayList<>();
    if (creating && (input.kind() == null || !KINDS.contains(input.kind()))) {
      problems.add(new FieldProblem("kind", "must be RISK or ISSUE"));
    }
    if (input.title() == null || input.title().isBlank() || input.title().length() > 200) {
      problems.add(new FieldProblem("title", "is required (at most 200 characters)"));
    }
    if (input.severity() == null || !SEVERITIES.contains(input.severity())) {
      problems.add(new FieldProblem("severity", "must be one of LOW, MEDIUM, HIGH, CRITICAL"));
    }
    if (input.status() != null && !STATUSES.contains(input.status())) {
      problems.add(new FieldProblem("status", "must be one of OPEN, MITIGATING, CLOSED, HANDED_OVER"));
    }
    if ("RISK".equals(input.kind())) {
      if (input.probability() == null || input.probability() < 1 || input.probability() > 5) {
        problems.add(new FieldProblem("probability", "must be between 1 and 5 for a risk"));
      }
      if (input.impact() == null || input.impact() < 1 || input.impact() > 5) {
        problems.add(new FieldProblem("impact", "must be between 1 and 5 for a risk"));
      }
    }
    if (input.owner() == null || !directory.userExists(input.owner())) {
      problems.add(new FieldProblem("owner", "must be a known user"));
    }
    if (input.description() != null && input.description().length() > 4000) {
      problems.add(new FieldProblem("description", "must be at most 4000 characters"));
    }
    Constraints.addMissing(problems, input);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
  }

  /**
   * At closure: every risk and issue still open is CLOSED, or HANDED_OVER to a new owner (e.g. operations),
   * each on the audit trail. Answers how many were settled.
   */
  @Transactional
  public int settleOpen(Project project, RegisterStatus status, String newOwner, String by) {
    int settled = 0;
    for (RiskIssue item : register(project.id(), null)) {
      if (!item.status().isOpen()) {
        continue;
      }
      String owner = newOwner == null ? item.owner() : newOwner;
      mapper.updateRiskIssue(new RiskIssue(item.id(), item.projectId(), item.kind(), item.title(), item.description(),
          item.severity(), item.probability(), item.impact(), owner, status, item.dueDate(), item.createdBy(),
          item.createdAt(), now()));
      auditTrail.record(by, item.kind() + "_" + status, project.id(), project.code(),
          Map.of("id", item.id(), "title", item.title(), "owner", owner));
      settled++;
    }
    return settled;
  }

  @Transactional(readOnly = true)
  public RiskIssue get(long id) {
    return mapper.findRiskIssue(id).orElseThrow(() -> new NotFoundException("No register entry " + id));
  }

  @Transactional(readOnly = true)
  public List<RiskIssue> register(long projectId, String kind) {
    return mapper.findRegister(projectId, kind);
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
