package io.openpmo.project;

/** The kind of project (DOMAIN.md). */
public enum ProjectType {
  REGULATORY, STRATEGIC, INNOVATION, RUN
}
