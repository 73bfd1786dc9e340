package io.openpmo.intake;

/** A group whose approval a project needs, at the functional or committee stage, in routing order. */
public record RequiredApproval(String groupId, String stage, Integer ordinal) {
}
