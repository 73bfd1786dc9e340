package io.openpmo.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A project as the PMO registers it: the request fields of docs/policy.md, its scores and its state. */
public record Project(
    Long id,
    String code,
    String title,
    String description,
    String businessUnit,
    String sponsor,
    String requester,
    ProjectType projectType,
    Integer strategicAlignment,
    BigDecimal expectedAnnualBenefit,
    BigDecimal budget,
    String currency,
    LocalDate startDate,
    Integer durationMonths,
    Complexity complexity,
    Boolean personalData,
    DataClassification dataClassification,
    ThirdParty thirdParty,
    Boolean criticalFunction,
    Boolean newTechnology,
    LocalDate regulatoryDeadline,
    String externalReference,
    @JsonIgnore String idempotencyKey,
    @JsonIgnore String requestHash,
    ProjectStatus status,
    ProjectPhase phase,
    Integer riskScore,
    RiskTier riskTier,
    Integer priorityScore,
    PriorityClass priorityClass,
    Integer reworkRound,
    String processInstanceId,
    String projectManager,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime decidedAt,
    Long currentBaselineId,
    Health health,
    Integer missedReports,
    String pmExceptionBy) {

  @JsonIgnore
  public boolean isFinal() {
    return status != null && status.isFinal();
  }

  /** In delivery with a baseline in force: status reports and change requests apply. */
  @JsonIgnore
  public boolean inDelivery() {
    return status == ProjectStatus.ACTIVE && phase == ProjectPhase.DELIVERY && currentBaselineId != null;
  }

  /** Whether the given user is the requester or the sponsor of this project. */
  @JsonIgnore
  public boolean isRequesterOrSponsor(String userId) {
    return userId != null && (userId.equals(requester) || userId.equals(sponsor));
  }
}
