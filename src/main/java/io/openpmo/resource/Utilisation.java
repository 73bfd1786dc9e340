package io.openpmo.resource;

import io.openpmo.core.Csv;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/** How much of a resource's capacity the plans in force take in a month. */
public record Utilisation(Long resourceId, String name, String role, LocalDate monthStart, BigDecimal capacityFte,
    BigDecimal allocatedFte, BigDecimal utilisation) {

  /** Utilisation as CSV: a header, then one row per resource and month. */
  public static String csv(List<Utilisation> rows) {
    return Csv.of(List.of("resourceId", "name", "role", "month", "capacityFte", "allocatedFte", "utilisation"),
        rows.stream().<List<?>>map(u -> Arrays.asList(u.resourceId(), u.name(), u.role(),
            YearMonth.from(u.monthStart()).toString(), u.capacityFte(), u.allocatedFte(), u.utilisation())).toList());
  }

  /** The file name of a CSV download of these months. */
  public static String csvFilename(YearMonth from, YearMonth to) {
    return "utilisation-" + from + "-" + to + ".csv";
  }
}
