package io.openpmo.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Says in words why a claim or a decision on a task lost: someone else claimed it ("already claimed by pierre"),
 * decided it ("already decided by pierre at 10:42"), or it is no longer open. Read with the caller's own
 * authorizations: who decided is told only to someone who may read the task's history. A call that failed while
 * the task is still open and still the caller's to work on (held by the caller, or by nobody) lost no race: it
 * met another request's change of the same process at the same moment, nothing of it was written, and the answer
 * is a 503 that tells the client to send it again.
 */
@Component
public class TaskConflicts {

  /**
   * The answer: 409 when the task is held by someone else or was decided, 503 (retry) when it is still open for
   * the caller, 403 when it is open but not for this caller, 404 when there never was such a task (for this
   * caller).
   */
  public record Conflict(HttpStatus status, String message) {

    /** Seconds a client waits before it sends a call again that met a concurrent change (a 503). */
    public static final int RETRY_AFTER_SECONDS = 1;

    public boolean retryable() {
      return status == HttpStatus.SERVICE_UNAVAILABLE;
    }
  }

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private final TaskService taskService;
  private final HistoryService historyService;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final EngineAccess engineAccess;

  public TaskConflicts(TaskService taskService, HistoryService historyService, Clock clock,
      CurrentUser currentUser, EngineAccess engineAccess) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.clock = clock;
    this.currentUser = currentUser;
    this.engineAccess = engineAccess;
  }

  /** Whether the task is still open (as far as the caller may see). */
  public boolean isOpen(String taskId) {
    try {
      return taskId != null && taskService.createTaskQuery().taskId(taskId).count() > 0;
    } catch (ProcessEngineException e) {
      return false;
    }
  }

  public Conflict describe(String taskId) {
    try {
      Task open = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
      if (open != null) {
        String assignee = open.getAssignee();
        if (assignee == null || currentUser.id().filter(assignee::equals).isPresent()) {
          return new Conflict(HttpStatus.SERVICE_UNAVAILABLE, "Task " + name(open.getName(), taskId)
              + " is still open, but another request changed its process at the same moment; nothing of this"
              + " call was written. Send it again.");
        }
        return new Conflict(HttpStatus.CONFLICT, "Task " + name(open.getName(), taskId) + " is already claimed by "
            + assignee);
      }
      HistoricTaskInstance done = taskId == null ? null : history(taskId);
      if (done != null && done.getEndTime() != null) {
        String when = when(done.getEndTime().toInstant().atZone(clock.getZone()));
        boolean completed = "completed".equals(done.getDeleteReason());
        return new Conflict(HttpStatus.CONFLICT, "Task " + name(done.getName(), taskId) + (completed
            ? " was already decided" + (done.getAssignee() == null ? "" : " by " + done.getAssignee()) + " " + when
            : " is no longer open: it was closed " + when + " (" + done.getDeleteReason() + ")"));
      }
      if (done != null) {
        // open, but not for this caller: not a race they lost
        return new Conflict(HttpStatus.FORBIDDEN, "You may not work on task " + taskId);
      }
    } catch (ProcessEngineException e) {
      // the caller may not read the task or its history: say no more than that it is not open
      return new Conflict(HttpStatus.CONFLICT, "Task " + taskId + " is no longer open");
    }
    return new Conflict(HttpStatus.NOT_FOUND, "There is no open task " + taskId + " (it was decided, cancelled or"
        + " never existed)");
  }

  /**
   * The task's history as the caller may read it; or, when their authorizations hide it (a finance reviewer may
   * hold a change approval without reading the change process's history), as the system, but only for a task the
   * caller held themselves: telling them that they decided it is no news to anyone.
   */
  private HistoricTaskInstance history(String taskId) {
    HistoricTaskInstance visible = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (visible != null) {
      return visible;
    }
    HistoricTaskInstance held = engineAccess.asSystem(() -> historyService.createHistoricTaskInstanceQuery()
        .taskId(taskId).singleResult());
    return held != null && held.getAssignee() != null && currentUser.id().filter(held.getAssignee()::equals)
        .isPresent() ? held : null;
  }

  private String when(ZonedDateTime at) {
    LocalDate today = LocalDate.now(clock);
    return (at.toLocalDate().equals(today) ? "" : "on " + at.toLocalDate() + " ") + "at " + TIME.format(at);
  }

  private static String name(String name, String id) {
    return name == null ? id : "\"" + name + "\" (" + id + ")";
  }
}
