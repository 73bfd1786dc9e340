package io.openpmo.resource;

/** Recorded qualification of a person; HIGH and CRITICAL projects need a SENIOR project manager or above. */
public enum Qualification {
  JUNIOR, PRACTITIONER, SENIOR, EXPERT;

  public boolean atLeast(Qualification other) {
    return compareTo(other) >= 0;
  }
}
