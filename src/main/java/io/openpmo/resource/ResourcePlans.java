package io.openpmo.resource;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resource plans (role, resource, month, FTE) of baselines, checked against capacity: a named
 * resource against its own capacity, a role still to be staffed against its pool, both minus what the
 * plans in force of other projects take. Over-allocations are recorded and resolved by the resource
 * managers: approved, substituted by another person, or deferred to later months.
 */
@Service
public class ResourcePlans {

  public enum Resolution { APPROVE, SUBSTITUTE, DEFER }

  /** One line of a resource plan as a project manager enters it. */
  public record PlannedAllocation(String role, Long resourceId, LocalDate month, BigDecimal fte) {
  }

  private final ResourceMapper mapper;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public ResourcePlans(ResourceMapper mapper, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  /** Problems of a plan, by field (allocations[i].fte ...); empty when it can be stored. */
  @Transactional(readOnly = true)
  public List<FieldProblem> problems(List<PlannedAllocation> plan) {
    List<FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      PlannedAllocation line = plan.get(i);
      String at = "allocations[" + i + "].";
      Resource resource = line.resourceId() == null ? null : mapper.findById(line.resourceId()).orElse(null);
      if (line.resourceId() != null && (resource == null || !resource.active())) {
        problems.add(new FieldProblem(at + "resourceId", "is not an active resource: " + line.resourceId()));
      }
      if (line.role() == null || line.role().isBlank()) {
        if (resource == null) {
          problems.add(new FieldProblem(at + "role", "is required when no resource is named"));
        }
      }
      if (line.month() == null) {
        problems.add(new FieldProblem(at + "month", "is required"));
      }
      if (line.fte() == null || line.fte().signum() <= 0 || line.fte().compareTo(new BigDecimal("1.5")) > 0) {
        problems.add(new FieldProblem(at + "fte", "must be more than 0 and at most 1.5"));
      }
    }
    return problems;
  }

  @Transactional
  public void replacePlan(long projectId, long baselineId, List<PlannedAllocation> plan) {
    List<FieldProblem> problems = problems(plan);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    mapper.deleteOpenConflicts(baselineId);
    mapper.deleteAllocations(baselineId);
    for (PlannedAllocation line : plan) {
      String role = line.role() != null && !line.role().isBlank() ? line.role()
          : mapper.findById(line.resourceId()).orElseThrow().role();
      mapper.insertAllocation(new Allocation(null, baselineId, projectId, role, line.resourceId(),
          line.month().withDayOfMonth(1), line.fte()));
    }
  }

  @Transactional(readOnly = true)
  public List<Allocation> plan(long baselineId) {
    return mapper.findAllocations(baselineId);
  }

  @Transactional
  public void copyPlan(long projectId, long fromBaselineId, long toBaselineId) {
    for (Allocation a : mapper.findAllocations(fromBaselineId)) {
      mapper.insertAllocation(new Allocation(null, toBaselineId, projectId, a.role(), a.resourceId(), a.monthStart(), a.fte()));
    }
  }

  /** Checks the plan against capacity and returns the over-allocations nobody has resolved yet. */
  @Transactional
  public List<CapacityConflict> check(long projectId, long baselineId) {
    mapper.deleteOpenConflicts(baselineId);
    List<CapacityConflict> resolved = mapper.findConflicts(baselineId);
    List<Allocation> plan = mapper.findAllocations(baselineId);
    List<CapacityConflict> open = new ArrayList<>();

    Map<Long, Map<LocalDate, BigDecimal>> perResource = plan.stream().filter(a -> a.resourceId() != null)
        .collect(Collectors.groupingBy(Allocation::resourceId, LinkedHashMap::new,
            Collectors.groupingBy(Allocation::monthStart, LinkedHashMap::new,
                Collectors.reducing(BigDecimal.ZERO, Allocation::fte, BigDecimal::add))));
    perResource.forEach((resourceId, months) -> {
      Resource resource = mapper.findById(resourceId).orElseThrow();
      months.forEach((month, requested) -> {
        BigDecimal available = resource.monthlyCapacityFte().subtract(
            mapper.allocatedElsewhere(resourceId, month, projectId));
        if (requested.compareTo(available) > 0 && !approved(resolved, resourceId, resource.role(), month)) {
          open.add(new CapacityConflict(null, projectId, baselineId, resourceId, resource.role(), month, requested,
              available.max(BigDecimal.ZERO), null, null, null, null));
        }
      });
    });

    Map<String, Map<LocalDate, BigDecimal>> unnamedPerRole = plan.stream().filter(a -> a.resourceId() == null)
        .collect(Collectors.groupingBy(Allocation::role, LinkedHashMap::new,
            Collectors.groupingBy(Allocation::monthStart, LinkedHashMap::new,
                Collectors.reducing(BigDecimal.ZERO, Allocation::fte, BigDecimal::add))));
    unnamedPerRole.forEach((role, months) -> months.forEach((month, unnamed) -> {
      BigDecimal requested = plan.stream().filter(a -> a.role().equals(role) && a.monthStart().equals(month))
          .map(Allocation::fte).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal available = mapper.roleCapacity(role).subtract(mapper.roleAllocatedElsewhere(role, month, projectId));
      if (requested.compareTo(available) > 0 && !approved(resolved, null, role, month)) {
        open.add(new CapacityConflict(null, projectId, baselineId, null, role, month, requested,
            available.max(BigDecimal.ZERO), null, null, null, null));
      }
    }));
    open.forEach(mapper::insertConflict);
    return mapper.findConflicts(baselineId).stream().filter(c -> c.resolution() == null).toList();
  }

  private static boolean approved(List<CapacityConflict> resolved, Long resourceId, String role, LocalDate month) {
    return resolved.stream().anyMatch(c -> "APPROVED".equals(c.resolution()) && Objects.equals(c.resourceId(), resourceId)
        && c.role().equals(role) && c.monthStart().equals(month));
  }

  /**
   * Resolves the open over-allocations of a plan: APPROVE accepts them; SUBSTITUTE moves the
   * conflicting resource's allocations to another person; DEFER shifts them by some months.
   */
  @Transactional
  public void resolve(long projectId, String projectCode, long baselineId, Resolution resolution, String by,
      Long resourceId, Long substituteId, Integer deferMonths, String note) {
    List<CapacityConflict> open = mapper.findConflicts(baselineId).stream().filter(c -> c.resolution() == null).toList();
    if (open.isEmpty()) {
      throw new InvalidRequestException("resolution", "there is no open over-allocation to resolve");
    }
    Long target = resourceId != null ? resourceId : open.get(0).resourceId();
    switch (resolution) {
      case APPROVE -> mapper.resolveOpenConflicts(baselineId, "APPROVED", by, now(), note, null);
      case SUBSTITUTE -> {
        if (target == null) {
          throw new InvalidRequestException("resourceId", "a role without a named person cannot be substituted");
        }
        Resource substitute = substituteId == null ? null : mapper.findById(substituteId).orElse(null);
        if (substitute == null || !substitute.active() || substitute.id().equals(target)) {
          throw new InvalidRequestException("substituteResourceId", "must be another active resource");
        }
        rewrite(projectId, baselineId, a -> Objects.equals(a.resourceId(), target),
            a -> new Allocation(null, baselineId, projectId, a.role(), substitute.id(), a.monthStart(), a.fte()));
        mapper.resolveOpenConflicts(baselineId, "SUBSTITUTED", by, now(), note, target);
      }
      case DEFER -> {
        if (deferMonths == null || deferMonths < 1 || deferMonths > 24) {
          throw new InvalidRequestException("deferMonths", "must be between 1 and 24");
        }
        rewrite(projectId, baselineId, a -> Objects.equals(a.resourceId(), target),
            a -> new Allocation(null, baselineId, projectId, a.role(), a.resourceId(), a.monthStart().plusMonths(deferMonths),
                a.fte()));
        mapper.resolveOpenConflicts(baselineId, "DEFERRED", by, now(), note, target);
      }
      default -> throw new IllegalStateException(resolution.name());
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("resolution", resolution.name());
    details.put("conflicts", open.size());
    if (target != null) {
      details.put("resourceId", target);
    }
    if (substituteId != null) {
      details.put("substituteResourceId", substituteId);
    }
    if (deferMonths != null) {
      details.put("deferMonths", deferMonths);
    }
    if (note != null) {
      details.put("note", note);
    }
    auditTrail.record(by, "OVERALLOCATION_RESOLVED", projectId, projectCode, details);
  }

  private void rewrite(long projectId, long baselineId, java.util.function.Predicate<Allocation> which,
      java.util.function.UnaryOperator<Allocation> how) {
    List<Allocation> plan = mapper.findAllocations(baselineId);
    mapper.deleteAllocations(baselineId);
    for (Allocation a : plan) {
      mapper.insertAllocation(which.test(a) ? how.apply(a) : a);
    }
  }

  @Transactional(readOnly = true)
  public List<CapacityConflict> conflicts(long baselineId) {
    return mapper.findConflicts(baselineId);
  }

  @Transactional(readOnly = true)
  public List<Utilisation> utilisation(YearMonth from, YearMonth to) {
    return mapper.utilisation(from.atDay(1), to.atDay(1));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
