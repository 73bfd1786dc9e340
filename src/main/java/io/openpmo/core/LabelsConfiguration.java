package io.openpmo.core;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The locale people read dates and amounts in ({@code openpmo.locale}, a BCP 47 tag such as en-GB or de-CH) and
 * the time zone of the dates shown ({@code openpmo.time-zone}, the server's by default): for form texts and
 * mails ({@link Labels}), and for Tasklist's date format ({@code WebappSettings}).
 */
@Configuration
class LabelsConfiguration {

  LabelsConfiguration(@Value("${openpmo.locale:en-GB}") String locale,
      @Value("${openpmo.time-zone:}") String timeZone) {
    Locale configured = Locale.forLanguageTag(locale);
    if (configured.getLanguage().isEmpty()) {
      throw new IllegalStateException("openpmo.locale must be a language tag such as en-GB, not " + locale);
    }
    Labels.configure(configured, timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone));
  }
}
