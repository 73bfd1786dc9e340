package io.openpmo.closure;

import io.openpmo.audit.AuditTrail;
import io.openpmo.core.BusinessRuleException;
import io.openpmo.core.FieldProblem;
import io.openpmo.core.InvalidRequestException;
import io.openpmo.project.Project;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benefits review: the sponsor records the realised annual benefit some months after closure; the ratio
 * to the expected annual benefit of the request is kept with the sponsor's verdict.
 */
@Service
public class BenefitsReviews {

  private final ClosureMapper mapper;
  private final AuditTrail auditTrail;
  private final Clock clock;

  public BenefitsReviews(ClosureMapper mapper, AuditTrail auditTrail, Clock clock) {
    this.mapper = mapper;
    this.auditTrail = auditTrail;
    this.clock = clock;
  }

  @Transactional
  public BenefitsReview record(Project project, BigDecimal realised, String outcome, String comment, String by) {
    BenefitsReview due = find(project.id())
        .orElseThrow(() -> BusinessRuleException.conflict("No benefits review is scheduled for " + project.code()));
    List<FieldProblem> problems = new ArrayList<>();
    if (realised == null || realised.signum() < 0) {
      problems.add(new FieldProblem("realisedAnnualBenefit", "is required and must not be negative"));
    }
    if (outcome == null || !BenefitsReview.OUTCOMES.contains(outcome)) {
      problems.add(new FieldProblem("benefitsOutcome", "must be one of " + String.join(", ", BenefitsReview.OUTCOMES)));
    }
    if (comment == null || comment.isBlank() || comment.length() > 4000) {
      problems.add(new FieldProblem("benefitsComment", "is required (at most 4000 characters): how were the"
          + " benefits measured?"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    BigDecimal expected = due.expectedAnnualBenefit();
    BigDecimal ratio = expected.signum() == 0 ? null : realised.divide(expected, 4, RoundingMode.HALF_UP);
    if (mapper.recordBenefits(new BenefitsReview(null, project.id(), null, null, realised, ratio, outcome,
        comment.strip(), by, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))) == 0) {
      throw BusinessRuleException.conflict("The benefits of " + project.code() + " were already reviewed");
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("expectedAnnualBenefit", expected);
    details.put("realisedAnnualBenefit", realised);
    details.put("realisationRatio", ratio);
    details.put("outcome", outcome);
    auditTrail.record(by, "BENEFITS_REVIEWED", project.id(), project.code(), details);
    return find(project.id()).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<BenefitsReview> find(long projectId) {
    return mapper.findBenefitsReview(projectId);
  }
}
