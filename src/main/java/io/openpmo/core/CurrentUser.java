package io.openpmo.core;

import java.util.List;
import java.util.Optional;

/**
 * Who is acting: the user the engine knows from the request (REST, Tasklist) or from the job. Implemented in the
 * engine seam ({@code engine.EngineCurrentUser}), which reads the engine's current authentication.
 */
public interface CurrentUser {

  /** Actor recorded for work the engine does on its own (timers, async jobs). */
  String SYSTEM = "system";

  Optional<String> id();

  List<String> groups();

  /** The acting user, or {@link #SYSTEM} when the engine acts on its own. */
  default String idOrSystem() {
    return id().orElse(SYSTEM);
  }

  default boolean isInAnyGroup(String... groupIds) {
    List<String> mine = groups();
    for (String group : groupIds) {
      if (mine.contains(group)) {
        return true;
      }
    }
    return false;
  }
}
