package io.openpmo.review;

/** What a reviewer submitted on the form. */
public record Vote(String decision, String comment, boolean conflictOfInterest, String conflictReason,
    String conditions) {
}
