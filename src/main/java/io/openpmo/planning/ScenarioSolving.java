package io.openpmo.planning;

import io.openpmo.core.BusinessRuleException;
import io.openpmo.planning.optimiser.GreedyBaseline;
import io.openpmo.planning.optimiser.PortfolioOptimiser;
import io.openpmo.planning.optimiser.PortfolioResult;
import io.openpmo.planning.optimiser.SolveLimits;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Solves a scenario: reads it (one transaction), lets the optimiser search on the solver's own threads for at most
 * {@code openpmo.planning.solve-time} while the request waits (a bounded wait: a solve is an interactive step of the
 * PMO, who pins, solves again and compares), and stores the answer (another transaction, refused with 409 when the
 * scenario changed meanwhile). No transaction or database connection is held while the solver searches. At most
 * {@code parallel-solves} scenarios are solved at once; more is a 503, and the same scenario twice at once a 409.
 */
@Service
@EnableConfigurationProperties(PlanningSettings.class)
public class ScenarioSolving {

  /** How long a request waits beyond the solve time (reading, the greedy baseline, the explanations). */
  private static final long GRACE_SECONDS = 30;

  private final ScenarioService scenarios;
  private final PlanningSettings settings;
  private final PortfolioOptimiser optimiser = new PortfolioOptimiser();
  private final ThreadPoolExecutor executor;
  private final Set<String> solving = ConcurrentHashMap.newKeySet();

  public ScenarioSolving(ScenarioService scenarios, PlanningSettings settings) {
    this.scenarios = scenarios;
    this.settings = settings;
    AtomicInteger count = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(settings.parallelSolves(), settings.parallelSolves(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1), runnable -> {
          Thread thread = new Thread(runnable, "portfolio-solver-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  public Scenario solve(String code, String by) {
    ScenarioProblem problem = scenarios.problem(code);
    if (!problem.scenario().editable()) {
      throw BusinessRuleException.conflict("Scenario " + code + " is " + problem.scenario().status()
          + ": it is not solved again; make a variant (basedOn) instead");
    }
    if (!solving.add(code)) {
      throw BusinessRuleException.conflict("Scenario " + code + " is being solved by another request; wait for it");
    }
    try {
      Future<PortfolioResult> running;
      try {
        running = executor.submit(() -> optimiser.solve(problem.problem(), SolveLimits.of(settings.solveTime())));
      } catch (RejectedExecutionException busy) {
        throw new BusinessRuleException(HttpStatus.SERVICE_UNAVAILABLE, "The optimiser is busy with other scenarios;"
            + " try again in " + settings.solveTime().toSeconds() + " seconds");
      }
      PortfolioResult result;
      try {
        result = running.get(settings.solveTime().toSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        running.cancel(true);
        throw new BusinessRuleException(HttpStatus.SERVICE_UNAVAILABLE, "The optimiser did not answer in time");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("The optimiser failed on " + code, e.getCause());
      }
      PortfolioResult greedy = new GreedyBaseline().solve(problem.problem());
      return scenarios.recordSolution(problem, result, greedy, by);
    } finally {
      solving.remove(code);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
