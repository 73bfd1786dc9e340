package io.openpmo.strategy;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.Directory;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.core.NotFoundException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PMO's catalogue of strategic objectives, and which objectives each project serves (named on its request). Every
 * change is on the audit trail.
 */
@Service
public class ObjectiveCatalogue {

  /** At most this many objectives per request. */
  public static final int MAX_PER_REQUEST = 10;
  static final int DEFAULT_WEIGHT = 3;

  private final ObjectiveMapper mapper;
  private final Validator validator;
  private final Directory directory;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public ObjectiveCatalogue(ObjectiveMapper mapper, Validator validator, Directory directory, AuditTrail auditTrail,
      Clock clock) {
    this.mapper = mapper;
    this.validator = validator;
    this.directory = directory;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Objective> list(boolean activeOnly) {
    return mapper.findAll(activeOnly);
  }

  @Transactional(readOnly = true)
  public Objective get(String code) {
    return mapper.findByCode(code).orElseThrow(() -> new NotFoundException("No objective " + code));
  }

  @Transactional
  public Objective create(ObjectiveInput input, String by) {
    validate(input);
    OffsetDateTime now = now();
    Objective objective = new Objective(null, input.code(), input.name().strip(), text(input.description()),
        input.owner(), input.kpi().strip(), input.target().strip(), input.periodFrom().atDay(1),
        input.periodTo().atDay(1), input.weight() == null ? DEFAULT_WEIGHT : input.weight(),
        input.active() == null || input.active(), by, now, now);
    try {
      mapper.insert(objective);
    } catch (DuplicateKeyException e) {
      throw new InvalidRequestException("code", "is already in the catalogue: " + input.code());
    }
    auditTrail.record(by, "OBJECTIVE_CREATED", null, null, details(objective));
    return get(input.code());
  }

  @Transactional
  public Objective update(String code, ObjectiveInput input, String by) {
    Objective existing = get(code);
    // the body is the whole objective, code included (its schema requires it): a body without it is refused, not
    // completed from the path
    if (input.code() == null) {
      throw new InvalidRequestException("code", "must not be blank (the objective's code, " + code + ")");
    }
    if (!input.code().equals(code)) {
      throw new InvalidRequestException("code", "cannot be changed (was " + code + ")");
    }
    ObjectiveInput withCode = new ObjectiveInput(code, input.name(), input.description(), input.owner(), input.kpi(),
        input.target(), input.periodFrom(), input.periodTo(), input.weight(), input.active());
    validate(withCode);
    Objective updated = new Objective(existing.id(), code, input.name().strip(), text(input.description()),
        input.owner(), input.kpi().strip(), input.target().strip(), input.periodFrom().atDay(1),
        input.periodTo().atDay(1), input.weight() == null ? existing.weight() : input.weight(),
        input.active() == null ? existing.active() : input.active(), existing.createdBy(), existing.createdAt(),
        now());
    mapper.update(updated);
    auditTrail.record(by, "OBJECTIVE_UPDATED", null, null, details(updated));
    return get(code);
  }

  /**
   * The problems of the objective codes a request names: unknown or retired codes, repeated codes, too many. Empty
   * when all are fine (and when it names none).
   */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      return List.of();
    }
    List<FieldProblem> problems = new ArrayList<>();
    if (codes.size() > MAX_PER_REQUEST) {
      problems.add(new FieldProblem("objectives", "names at most " + MAX_PER_REQUEST + " objectives"));
    }
    Set<String> distinct = new LinkedHashSet<>();
    List<String> repeated = new ArrayList<>();
    for (String code : codes) {
      if (code == null || code.isBlank()) {
        problems.add(new FieldProblem("objectives", "must not contain empty codes"));
        return problems;
      }
      if (!distinct.add(code)) {
        repeated.add(code);
      }
    }
    if (!repeated.isEmpty()) {
      problems.add(new FieldProblem("objectives", "names an objective twice: " + String.join(", ", repeated)));
    }
    Map<String, Objective> known = mapper.findByCodes(distinct).stream()
        .collect(Collectors.toMap(Objective::code, o -> o));
    List<String> unknown = distinct.stream().filter(code -> !known.containsKey(code)).toList();
    if (!unknown.isEmpty()) {
      problems.add(new FieldProblem("objectives", "unknown objective" + (unknown.size() > 1 ? "s" : "") + ": "
          + String.join(", ", unknown)));
    }
    List<String> retired = known.values().stream().filter(o -> !o.active()).map(Objective::code).sorted().toList();
    if (!retired.isEmpty()) {
      problems.add(new FieldProblem("objectives", "retired objective" + (retired.size() > 1 ? "s" : "") + ": "
          + String.join(", ", retired)));
    }
    return problems;
  }

  /** Records the objectives a project serves, replacing what it named before; the codes were validated. */
  @Transactional
  public void link(long projectId, String projectCode, List<String> codes, String by) {
    List<String> before = codesOf(projectId);
    mapper.unlinkAll(projectId);
    List<String> now = codes == null ? List.of() : codes.stream().distinct().toList();
    if (!now.isEmpty()) {
      for (Objective objective : mapper.findByCodes(now)) {
        mapper.link(projectId, objective.id());
      }
    }
    if (!before.equals(now.stream().sorted().toList())) {
      auditTrail.record(by, "PROJECT_OBJECTIVES_SET", projectId, projectCode, Map.of("objectives", now));
    }
  }

  @Transactional(readOnly = true)
  public List<Objective> objectivesOf(long projectId) {
    return mapper.findForProject(projectId);
  }

  @Transactional(readOnly = true)
  public List<String> codesOf(long projectId) {
    return mapper.findForProject(projectId).stream().map(Objective::code).toList();
  }

  /** The sum of the weights of the active objectives a project serves (0 when it names none). */
  @Transactional(readOnly = true)
  public int weightOf(long projectId) {
    return mapper.findForProject(projectId).stream().filter(Objective::active).mapToInt(Objective::weight).sum();
  }

  /** Every objective with what stands behind it; active objectives without projects are marked uncovered. */
  @Transactional(readOnly = true)
  public List<ObjectiveCoverage> coverage() {
    Map<String, List<ObjectiveCoverage.ProjectLine>> byObjective = mapper.coverage().stream()
        .collect(Collectors.groupingBy(ObjectiveCoverage.ProjectLine::objectiveCode, LinkedHashMap::new,
            Collectors.toList()));
    List<ObjectiveCoverage> coverage = new ArrayList<>();
    for (Objective objective : mapper.findAll(false)) {
      List<ObjectiveCoverage.ProjectLine> lines = byObjective.getOrDefault(objective.code(), List.of());
      List<BigDecimal> realised = lines.stream().map(ObjectiveCoverage.ProjectLine::realisedAnnualBenefit)
          .filter(Objects::nonNull).toList();
      coverage.add(new ObjectiveCoverage(objective, lines.size(),
          sum(lines.stream().map(ObjectiveCoverage.ProjectLine::budget).toList()),
          sum(lines.stream().map(ObjectiveCoverage.ProjectLine::expectedAnnualBenefit).toList()), sum(realised),
          realised.size(), objective.active() && lines.isEmpty(), lines));
    }
    coverage.sort(Comparator.comparing((ObjectiveCoverage c) -> !c.uncovered())
        .thenComparing(c -> c.objective().code()));
    return coverage;
  }

  private static BigDecimal sum(Collection<BigDecimal> amounts) {
    return amounts.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private void validate(ObjectiveInput input) {
    List<FieldProblem> problems = new ArrayList<>();
    validator.validate(input).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(),
        v.getMessage())));
    if (input.periodFrom() != null && input.periodTo() != null && input.periodTo().isBefore(input.periodFrom())) {
      problems.add(new FieldProblem("periodTo", "must not be before periodFrom"));
    }
    if (input.owner() != null && input.owner().matches("[a-zA-Z0-9]+") && !directory.userExists(input.owner())) {
      problems.add(new FieldProblem("owner", "is not a known user: " + input.owner()));
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(problems);
    }
  }

  private static Map<String, Object> details(Objective o) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("code", o.code());
    details.put("name", o.name());
    details.put("owner", o.owner());
    details.put("kpi", o.kpi());
    details.put("target", o.target());
    details.put("periodFrom", o.periodFrom().toString());
    details.put("periodTo", o.periodTo().toString());
    details.put("weight", o.weight());
    details.put("active", o.active());
    return details;
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
