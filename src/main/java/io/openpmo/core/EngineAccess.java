package io.openpmo.core;

import java.util.function.Supplier;

/**
 * Runs engine calls on the system's behalf, after our own access rules have decided that the caller
 * may have the answer: e.g. a requester reads the open tasks and decision history of their own
 * project, which the engine's authorizations would hide from them. The caller stays authenticated
 * (audit trail, initiator), only the engine's authorization checks are off for the call. Implemented in the
 * engine seam ({@code engine.SystemEngineAccess}).
 */
public interface EngineAccess {

  <T> T asSystem(Supplier<T> call);

  default void asSystem(Runnable call) {
    asSystem(() -> {
      call.run();
      return null;
    });
  }
}
