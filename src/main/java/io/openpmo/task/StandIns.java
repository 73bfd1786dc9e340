package io.openpmo.task;

import java.time.LocalDate;
import java.util.List;

/**
 * Who stands in for whom: the deputies that absent approvers named (the deputy feature answers). A deputy may
 * hold the group tasks their principal could hold, for the period of the deputyship only.
 */
public interface StandIns {

  /** The people this user stands in for today, oldest deputyship first. */
  List<StandIn> principalsOf(String user);

  /** The deputyships of this user that are over (ended early or expired), newest first: to explain a refusal. */
  List<StandIn> endedFor(String user);

  /** A deputy completed a task that is not a vote for the person they stand in for: on record. */
  void recordAction(StandIn standIn, String deputy, String taskId, Long projectId, String taskName);

  /** One deputyship: who is stood in for, until when. */
  record StandIn(long deputyshipId, String principal, LocalDate lastDay) {
  }
}
