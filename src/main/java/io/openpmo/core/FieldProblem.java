package io.openpmo.core;

/** One invalid field of a request and what is wrong with it, in words a person understands. */
public record FieldProblem(String field, String message) {
}
