package io.openpmo.project;

/** The kind of project (docs/policy.md). */
public enum ProjectType {
  REGULATORY, STRATEGIC, INNOVATION, RUN
}
