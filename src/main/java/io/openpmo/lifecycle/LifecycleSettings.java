package io.openpmo.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often status reports are due ({@code openpmo.status.report-cycle}, an ISO 8601 repeating interval,
 * monthly by default) and how long a report may be late before it counts as missed
 * ({@code openpmo.status.report-grace}, a duration).
 */
@ConfigurationProperties(prefix = "openpmo.status")
public record LifecycleSettings(String reportCycle, String reportGrace) {

  public LifecycleSettings {
    reportCycle = reportCycle == null ? "R/P1M" : reportCycle;
    reportGrace = reportGrace == null ? "P1M" : reportGrace;
  }
}
