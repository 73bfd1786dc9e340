package io.openpmo.project;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict a reviewer or approver gives on a project request, a change request or a model change, as the review
 * forms offer it and the tables store it ({@code review_decision.decision}); {@link #name()} is the stored value.
 * Which of them a task offers depends on its subject and stage (a committee or a change approver cannot send a
 * request back for rework). Gate reviewers decide a {@link GateOutcome} instead.
 */
public enum ReviewVerdict {
  APPROVE,
  REJECT,
  /** Send the request back to the requester, who revises and resubmits it. */
  REWORK;

  /** True when the stored or submitted value is this decision. */
  public boolean is(String value) {
    return name().equals(value);
  }

  /** The values a form offers, in this order. */
  public static Set<String> offered(ReviewVerdict... decisions) {
    return new LinkedHashSet<>(names(decisions));
  }

  static List<String> names(ReviewVerdict... decisions) {
    return Arrays.stream(decisions).map(Enum::name).toList();
  }
}
