package io.openpmo.project;

/** The phase of the project life cycle; gates G0..G3 separate them. */
public enum ProjectPhase {
  INITIATION, PLANNING, DELIVERY, CLOSURE, CLOSED
}
