package io.linkledger.shared;

/** One invalid input field and what is wrong with it, in words a person understands. */
public record FieldIssue(String field, String message) {
}
