package io.openpmo.project;

/** Priority class from the projectPriority decision. */
public enum PriorityClass {
  P1, P2, P3, P4
}
