package io.openpmo.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock (one per JVM): what timers, due dates and history see. Services read time through the
 * {@link Clock} bean, which follows this clock; only the demo's history seeding moves it.
 */
public final class EngineClock {

  private EngineClock() {
  }

  public static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** Moves the engine's clock (and with it the {@link Clock} bean) to a fixed time. */
  public static void set(Date time) {
    ClockUtil.setCurrentTime(time);
  }

  /** Back to the real time. */
  public static void reset() {
    ClockUtil.reset();
  }

  /** A {@link Clock} that follows the engine's clock (which tests and the demo may set). */
  static final class AsClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
