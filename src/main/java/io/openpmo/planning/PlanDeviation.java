package io.openpmo.planning;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the portfolio departs from the plan in force of a period.
 *
 * @param plan    the scenario that is the plan
 * @param period  the first month of the plan's period
 * @param code    the project
 * @param kind    what departs
 * @param detail  in words, with the figures
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanDeviation(String plan, String period, String code, String title, Kind kind, String detail) {

  public enum Kind {
    /** A funded project's budget (BAC in force, else the requested budget) is above what the plan counted on. */
    COST_OVER_PLAN,
    /** A funded project has not started by its planned month, or its baseline starts later. */
    START_LATE,
    /** A funded project was rejected, withdrawn, cancelled or stopped. */
    DROPPED,
    /** A project the plan cut is in delivery all the same. */
    UNPLANNED_START,
    /** A request made after the plan was approved does not fit the plan's budget or capacity at any allowed start. */
    NEW_REQUEST_DOES_NOT_FIT
  }
}
