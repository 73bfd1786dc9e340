package io.openpmo.review;

/** What a review decides on. */
public enum ReviewSubjectType {
  PROJECT_REQUEST, GATE_REVIEW, CHANGE_REQUEST, MODEL_CHANGE
}
