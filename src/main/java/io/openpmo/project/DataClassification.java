package io.openpmo.project;

/** The highest classification of the data the project handles. */
public enum DataClassification {
  PUBLIC, INTERNAL, CONFIDENTIAL, STRICTLY_CONFIDENTIAL
}
