package io.openpmo.security;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A call on a task (claim, assign, delegate, resolve, complete, submit its form) that met another request's change
 * of the same process at the same moment is run again, in a new transaction, before its caller hears of it. The
 * meeting shows as the engine's optimistic locking (a row changed since it was read, or a variable inserted twice)
 * or as the database's deadlock or serialization failure; in every case the failed attempt was rolled back whole.
 * The next attempt sees what the other request did: the task decided or held by someone else is a 409 in words
 * (see {@link EngineRestErrors}); the task still the caller's goes through. Without this, a reviewer whose decision
 * met, say, the other node's escalation job would be told to try again for a collision that was never theirs.
 *
 * <p>Only the outermost command outside any transaction is retried (a REST call, Tasklist's API): a command nested
 * in another, or inside our own transactional service, is part of work this interceptor must not repeat.
 */
class ConcurrentTaskChangeRetry extends CommandInterceptor {

  static final int ATTEMPTS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentTaskChangeRetry.class);
  private static final Set<Class<?>> TASK_COMMANDS = Set.of(ClaimTaskCmd.class, AssignTaskCmd.class,
      DelegateTaskCmd.class, ResolveTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (!TASK_COMMANDS.contains(command.getClass()) || Context.getCommandContext() != null
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if (!concurrentChange(e)) {
          throw e;
        }
        if (attempt >= ATTEMPTS) {
          LOG.warn("{} met a concurrent change of its process {} times; the caller is told to send it again: {}",
              command.getClass().getSimpleName(), attempt, innermost(e));
          throw e;
        }
        LOG.info("{} met a concurrent change of its process (attempt {} of {}), running it again: {}",
            command.getClass().getSimpleName(), attempt, ATTEMPTS, innermost(e));
        pause(attempt);
      }
    }
  }

  /** The engine's optimistic locking, or PostgreSQL's deadlock (40P01) or serialization failure (40001). */
  static boolean concurrentChange(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockingException) {
        return true;
      }
      if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
          || "40001".equals(sql.getSQLState()))) {
        return true;
      }
      if (cause == cause.getCause()) {
        return false;
      }
    }
    return false;
  }

  /** The message that names what collided (the engine's names the entity and the statement). */
  static String innermost(Throwable exception) {
    Throwable cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == exception ? String.valueOf(exception.getMessage())
        : exception.getMessage() + " <- " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /** A short, growing, jittered pause, so that two requests that met do not meet again. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a task call", interrupted);
    }
  }
}
