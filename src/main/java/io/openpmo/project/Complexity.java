package io.openpmo.project;

/** Delivery complexity as judged by the requester. */
public enum Complexity {
  LOW, MEDIUM, HIGH
}
