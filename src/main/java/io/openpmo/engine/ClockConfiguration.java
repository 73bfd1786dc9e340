package io.openpmo.engine;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the engine and our services, so that tests that move engine time move ours too. */
@Configuration
public class ClockConfiguration {

  @Bean
  public Clock clock() {
    return new EngineClock.AsClock();
  }
}
