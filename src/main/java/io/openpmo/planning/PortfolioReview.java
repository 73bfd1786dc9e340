package io.openpmo.planning;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The portfolio review of a period (portfolioReview process): PREPARING (the PMO puts scenarios forward), IN_REVIEW
 * (finance and the steering committee), AWAITING_APPROVAL (executive committee), APPROVED.
 */
public record PortfolioReview(Long id, String code, @JsonFormat(pattern = "yyyy-MM") LocalDate periodFrom,
    Integer months, String status, Integer reviewRound, String startedBy, String processInstanceId,
    @JsonIgnore Long approvedScenarioId, String decidedBy, OffsetDateTime decidedAt, OffsetDateTime createdAt) {

  public static final String PREPARING = "PREPARING";
  public static final String IN_REVIEW = "IN_REVIEW";
  public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
  public static final String APPROVED = "APPROVED";

  /** A decision on a review task: who (the authenticated user), which group, what, on which scenario. */
  public record Decision(@JsonIgnore Long id, @JsonIgnore Long reviewId, Integer reviewRound, String stage,
      String groupId, String decidedBy, String decision, @JsonIgnore Long scenarioId, String scenarioCode,
      String comment, @JsonIgnore String taskId, OffsetDateTime decidedAt) {
  }

  /** What a task of the review decides, recorded when the task is created. */
  public record Task(String taskId, Long reviewId, Integer reviewRound, String stage, String groupId,
      OffsetDateTime createdAt) {
  }

  /** The portfolio plan of a period: the scenario the executive committee approved. */
  public record Plan(Long id, @JsonFormat(pattern = "yyyy-MM") LocalDate periodFrom, Integer months,
      @JsonIgnore Long scenarioId, String scenarioCode, @JsonIgnore Long reviewId, String reviewCode, String status,
      String approvedBy, OffsetDateTime approvedAt) {
  }
}
