package io.openpmo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Which failures of which calls are run again, and how often: unit test of the interceptor alone. */
class ConcurrentTaskChangeRetryTest {

  /** The rest of the chain: fails the first {@code failures} times with the given exception, then answers. */
  static final class Flaky extends CommandInterceptor {
    final AtomicInteger calls = new AtomicInteger();
    final int failures;
    final RuntimeException failure;

    Flaky(int failures, RuntimeException failure) {
      this.failures = failures;
      this.failure = failure;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      if (calls.incrementAndGet() <= failures) {
        throw failure;
      }
      return (T) "done";
    }
  }

  static <T> T run(Flaky chain, Command<T> command) {
    ConcurrentTaskChangeRetry retry = new ConcurrentTaskChangeRetry();
    retry.setNext(chain);
    return retry.execute(command);
  }

  static final Command<Void> CLAIM = new ClaimTaskCmd("task", "petra");
  static final CompleteTaskCmd COMPLETE = new CompleteTaskCmd("task", null);

  @Test
  void aTaskCallThatMetAConcurrentChangeIsRunAgainAndGoesThrough() {
    Flaky chain = new Flaky(2, new OptimisticLockingException("ENGINE-03005 updated by another transaction"));
    assertThat((Object) run(chain, COMPLETE)).isEqualTo("done");
    assertThat(chain.calls).hasValue(3);
  }

  @Test
  void aDeadlockDeepInTheCausesCountsAsAConcurrentChange() {
    RuntimeException deadlock = new ProcessEngineException("flush failed",
        new RuntimeException(new SQLException("deadlock detected", "40P01")));
    Flaky chain = new Flaky(1, deadlock);
    assertThat((Object) run(chain, CLAIM)).isEqualTo("done");
    assertThat(chain.calls).hasValue(2);
  }

  @Test
  void theCallerHearsOfItAfterTheLastAttempt() {
    Flaky chain = new Flaky(100, new OptimisticLockingException("still meeting"));
    assertThatThrownBy(() -> run(chain, CLAIM)).isInstanceOf(OptimisticLockingException.class);
    assertThat(chain.calls).hasValue(ConcurrentTaskChangeRetry.ATTEMPTS);
  }

  @Test
  void otherFailuresAndOtherCommandsAreNotRepeated() {
    Flaky refused = new Flaky(1, new ProcessEngineException("refused by a rule"));
    assertThatThrownBy(() -> run(refused, CLAIM)).hasMessage("refused by a rule");
    assertThat(refused.calls).hasValue(1);

    Flaky read = new Flaky(1, new OptimisticLockingException("not a task call"));
    assertThatThrownBy(() -> run(read, new GetTaskVariableCmd("task", "x", false)))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(read.calls).hasValue(1);
  }

  @Test
  void aCallInsideSomeoneElsesTransactionIsNotRepeated() {
    Flaky chain = new Flaky(1, new OptimisticLockingException("inside a transaction"));
    TransactionSynchronizationManager.setActualTransactionActive(true);
    try {
      assertThatThrownBy(() -> run(chain, CLAIM)).isInstanceOf(OptimisticLockingException.class);
    } finally {
      TransactionSynchronizationManager.setActualTransactionActive(false);
    }
    assertThat(chain.calls).hasValue(1);
  }
}
