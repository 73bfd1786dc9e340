package io.openpmo.core;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * What people read instead of codes: human labels for the values of our enums and for group ids, and dates,
 * times and amounts in the configured locale ({@code openpmo.locale}, en-GB by default). Static, so that the
 * plain text builders (form summaries, mails) need no wiring; {@link LabelsConfiguration} sets the locale once
 * at start-up. The API keeps the codes: labels are for forms, mails and reports.
 */
public final class Labels {

  /** The locale when none is configured: a European bank writes 4 May 2026 and starts its weeks on Monday. */
  public static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("en-GB");

  private static volatile Locale locale = DEFAULT_LOCALE;
  private static volatile ZoneId zone = ZoneId.systemDefault();

  private static final Map<String, String> GROUPS = Map.ofEntries(
      Map.entry("requesters", "Requesters"),
      Map.entry("projectManagers", "Project managers"),
      Map.entry("pmo", "PMO"),
      Map.entry("finance", "Finance"),
      Map.entry("risk", "Risk"),
      Map.entry("compliance", "Compliance"),
      Map.entry("infosec", "Information security"),
      Map.entry("steeringCommittee", "Steering committee"),
      Map.entry("executiveCommittee", "Executive committee"),
      Map.entry("resourceManagers", "Resource managers"),
      Map.entry("processOwners", "Process owners"),
      Map.entry("auditors", "Internal audit"),
      Map.entry("integrations", "Integrations"),
      Map.entry("camunda-admin", "Administrators"));

  /** Values whose label is not simply the code in words. */
  private static final Map<String, String> VALUES = Map.ofEntries(
      // votes
      Map.entry("APPROVE", "Approve"),
      Map.entry("REJECT", "Reject"),
      Map.entry("REWORK", "Return for rework"),
      Map.entry("RECUSED", "Recused (conflict of interest)"),
      Map.entry("GO", "Go"),
      Map.entry("GO_WITH_CONDITIONS", "Go with conditions"),
      Map.entry("RECYCLE", "Recycle (rework and resubmit)"),
      Map.entry("HOLD", "Hold"),
      Map.entry("STOP", "Stop"),
      // review stages
      Map.entry("FUNCTIONAL", "Functional review"),
      Map.entry("COMMITTEE", "Committee decision"),
      Map.entry("PMO_DECISION", "PMO decision after three rework rounds"),
      Map.entry("GATE", "Gate review"),
      // request fields
      Map.entry("ICT_SERVICE", "ICT service"),
      Map.entry("CRITICAL_OUTSOURCING", "Critical outsourcing"),
      Map.entry("RUN", "Run the bank"),
      Map.entry("IN_REVIEW", "In review"),
      Map.entry("ON_HOLD", "On hold"),
      Map.entry("IN_APPROVAL", "In approval"),
      Map.entry("IN_REAPPROVAL", "In re-approval"),
      Map.entry("ROLLED_BACK", "Rolled back"));

  private Labels() {
  }

  /** Sets the locale and time zone of every label (called once at start-up). */
  public static void configure(Locale configuredLocale, ZoneId configuredZone) {
    locale = configuredLocale == null ? DEFAULT_LOCALE : configuredLocale;
    zone = configuredZone == null ? ZoneId.systemDefault() : configuredZone;
  }

  public static Locale locale() {
    return locale;
  }

  public static ZoneId zone() {
    return zone;
  }

  /** "Steering committee" for steeringCommittee; an unknown group id as it is. */
  public static String group(String groupId) {
    if (groupId == null) {
      return "-";
    }
    return GROUPS.getOrDefault(groupId, groupId);
  }

  /** "Critical outsourcing" for CRITICAL_OUTSOURCING, "Go with conditions" for GO_WITH_CONDITIONS. */
  public static String value(Object code) {
    if (code == null) {
      return "-";
    }
    String text = code.toString();
    String known = VALUES.get(text);
    if (known != null) {
      return known;
    }
    if (!text.equals(text.toUpperCase(Locale.ROOT)) || text.length() <= 2 || text.matches("P[0-9]")) {
      return text;
    }
    String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** A field name in words: regulatoryDeadline becomes "Regulatory deadline". */
  public static String field(String name) {
    if (name == null || name.isBlank()) {
      return "The request";
    }
    String words = name.replaceAll("\\[(\\d+)]", " $1").replace('.', ' ')
        .replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public static String yesNo(Boolean value) {
    return Boolean.TRUE.equals(value) ? "yes" : "no";
  }

  /** 4 May 2026 (en-GB). */
  public static String date(LocalDate date) {
    return date == null ? "-" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  /** 4 May 2026, 10:15 (en-GB), in the configured time zone. */
  public static String dateTime(OffsetDateTime time) {
    return time == null ? "-" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale).format(time.atZoneSameInstant(zone));
  }

  /** EUR 1,250,000 (grouping of the locale, no decimals). */
  public static String money(String currency, BigDecimal amount) {
    if (amount == null) {
      return "-";
    }
    return (currency == null ? "" : currency + " ") + NumberFormat.getIntegerInstance(locale).format(amount);
  }
}
