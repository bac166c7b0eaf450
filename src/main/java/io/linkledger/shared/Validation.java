package io.linkledger.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with a request before anything is written, so a caller sees all
 * of them at once and bad input never half-writes.
 */
public final class Validation {

    private final List<FieldIssue> issues = new ArrayList<>();

    public Validation add(String field, String message) {
        issues.add(new FieldIssue(field, message));
        return this;
    }

    public Validation check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public boolean hasIssues() {
        return !issues.isEmpty();
    }

    public boolean has(String field) {
        return issues.stream().anyMatch(issue -> issue.field().equals(field));
    }

    /** Throws a 400 problem listing every issue, if there is any. */
    public void throwIfInvalid() {
        if (!issues.isEmpty()) {
            throw ProblemException.invalid(issues);
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
