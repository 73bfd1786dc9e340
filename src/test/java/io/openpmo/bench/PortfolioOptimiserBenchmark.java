package io.openpmo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.openpmo.planning.optimiser.GeneratedPortfolios;
import io.openpmo.planning.optimiser.GreedyBaseline;
import io.openpmo.planning.optimiser.Ledger;
import io.openpmo.planning.optimiser.PortfolioOptimiser;
import io.openpmo.planning.optimiser.PortfolioProblem;
import io.openpmo.planning.optimiser.PortfolioResult;
import io.openpmo.planning.optimiser.SolveLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The optimiser on a generated portfolio of a large bank: 500 candidates, 24 months, 30 roles (see
 * {@link GeneratedPortfolios}), at most 30 seconds, against the greedy "fund by priority until the money runs out"
 * on the same data; both answers are checked against every hard constraint. Run on demand, not in the build:
 * {@code ./mvnw -Pbench verify -Dtest=PortfolioOptimiserBenchmark}. {@code -Dbench.seeds=2027,2028} and
 * {@code -Dbench.seconds=30} change the portfolios and the time limit. The report goes to stdout and
 * {@code target/planning-benchmark.md}.
 */
@Tag("bench")
class PortfolioOptimiserBenchmark {

  @Test
  void optimiserAgainstFundingByPriority() throws IOException {
    long[] seeds = Arrays.stream(System.getProperty("bench.seeds", "2027,2028,2029").split(","))
        .mapToLong(s -> Long.parseLong(s.strip())).toArray();
    Duration limit = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    PortfolioOptimiser optimiser = new PortfolioOptimiser();
    StringBuilder report = new StringBuilder("| Portfolio (seed) | Candidates | Optimiser value | funded | seconds"
        + " | within the limit | Greedy value | funded | Optimiser vs greedy |\n"
        + "|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
    for (long seed : seeds) {
      PortfolioProblem problem = GeneratedPortfolios.generate(seed, 500, 24, 30);
      PortfolioResult greedy = new GreedyBaseline().solve(problem);
      PortfolioResult solved = optimiser.solve(problem, SolveLimits.of(limit));
      assertThat(Ledger.of(problem, solved.starts()).violations()).as("optimiser keeps every constraint").isEmpty();
      assertThat(Ledger.of(problem, greedy.starts()).violations()).as("greedy keeps every constraint").isEmpty();
      report.append(String.format(java.util.Locale.ROOT, "| %d | %d | %d | %d | %.1f | %s | %d | %d | %+.1f%% |%n",
          seed, problem.candidates().size(), solved.value(), solved.fundedCount(), solved.elapsed().toMillis() / 1000.0,
          solved.elapsed().compareTo(limit) <= 0 ? "yes" : "NO", greedy.value(), greedy.fundedCount(),
          100.0 * (solved.value() - greedy.value()) / greedy.value()));
    }
    String text = "Portfolio optimiser: 500 candidates, 24 months, 30 roles, limit " + limit.toSeconds() + " s, "
        + Runtime.getRuntime().availableProcessors() + " cores\n\n" + report;
    System.out.println(text);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "planning-benchmark.md"), text);
  }
}
