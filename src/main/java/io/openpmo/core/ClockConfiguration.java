package io.openpmo.core;

import java.time.Clock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the engine and our services, so that tests that move engine time move ours too. */
@Configuration
public class ClockConfiguration {

  @Bean
  public Clock clock() {
    return new EngineClock();
  }

  /** A {@link Clock} that follows the engine's {@link ClockUtil} (which tests may set). */
  static final class EngineClock extends Clock {
    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }

    @Override
    public java.time.Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
