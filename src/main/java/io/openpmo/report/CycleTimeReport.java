package io.openpmo.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long gates and reviews take, from the engine's history: per gate and per reviewing group the number of
 * instances or tasks that ended within [from, to] with their median and 90th percentile in days, and the
 * oldest open tasks waiting on a group.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CycleTimeReport(Instant generatedAt, LocalDate from, LocalDate to, List<Stat> gates,
    List<Stat> reviewGroups, List<OpenTaskAge> slowestOpen) {

  static final List<String> CSV_HEADER = List.of("kind", "key", "count", "medianDays", "p90Days");

  /** Count, median and 90th percentile of durations in days (see {@link Percentiles}); null without any. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Stat(String key, int count, BigDecimal medianDays, BigDecimal p90Days) {

    static Stat of(String key, List<Double> days) {
      return new Stat(key, days.size(), Percentiles.median(days), Percentiles.p90(days));
    }

    List<?> csvRow(String kind) {
      return Arrays.asList(kind, key, count, medianDays, p90Days);
    }
  }

  /** An open task waiting on a group, and how old it is. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record OpenTaskAge(String code, String taskName, String group, String assignee, Instant createdAt,
      Instant dueDate, BigDecimal ageDays, String taskId, String processInstanceId) {
  }

  /** The CSV rows: the gates, then the review groups. */
  List<List<?>> csvRows() {
    List<List<?>> rows = new ArrayList<>();
    gates.forEach(stat -> rows.add(stat.csvRow("gate")));
    reviewGroups.forEach(stat -> rows.add(stat.csvRow("reviewGroup")));
    return rows;
  }
}
