package io.openpmo.security;

/**
 * Our rules for who may hold a task, asked before the engine's own permission check when somebody claims a task
 * through an engine surface: a refusal then says why in one sentence ("You sponsor PRJ-2026-0014, so you may not
 * review it.") instead of naming the engine permission that is missing. The assignment listeners apply the same
 * rules again whichever way a task is assigned.
 */
public interface AssignmentCheck {

  /** Refuses (with an {@code AuthorizationException}) a person who may not hold the task. */
  void check(String taskId, String taskName, String user);
}
