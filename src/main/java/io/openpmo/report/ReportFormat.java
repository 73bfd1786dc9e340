package io.openpmo.report;

/** How a report answers: JSON (the default) or CSV ({@code ?format=csv}). */
enum ReportFormat {
  JSON, CSV
}
