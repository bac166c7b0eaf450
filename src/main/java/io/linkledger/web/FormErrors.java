package io.linkledger.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.linkledger.shared.FieldIssue;
import io.linkledger.shared.ProblemException;

/**
 * Why a console form was refused, as its page shows it: each field's messages next to that
 * field, and the form's message above it. Every console form shows a refusal through this,
 * whether a service refused it or the page's own checks did (they throw the same
 * {@link ProblemException}, e.g. through {@code Validation}). Serializable because a refused
 * form can travel to the next page as a flash attribute.
 */
public record FormErrors(Map<String, List<String>> fields, String message) implements Serializable {

    public static final FormErrors NONE = new FormErrors(Map.of(), null);

    public FormErrors {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        fields = Collections.unmodifiableMap(copy);
    }

    /** The problem's field issues next to their fields; its detail as the message when it names none. */
    public static FormErrors of(ProblemException problem) {
        return of(problem, UnaryOperator.identity());
    }

    /**
     * The same, where the form names its fields differently from the service: {@code formField}
     * turns a problem's field (e.g. {@code payouts[0].amount}) into the form's.
     */
    public static FormErrors of(ProblemException problem, UnaryOperator<String> formField) {
        List<FieldIssue> issues = problem.fieldIssues().stream()
                .map(issue -> new FieldIssue(formField.apply(issue.field()), issue.message())).toList();
        return of(issues, issues.isEmpty() ? problem.getMessage() : null);
    }

    private static FormErrors of(List<FieldIssue> issues, String message) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FieldIssue issue : issues) {
            fields.computeIfAbsent(issue.field(), f -> new ArrayList<>()).add(issue.message());
        }
        return new FormErrors(fields, message);
    }

    public boolean any() {
        return !fields.isEmpty() || message != null;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The field's messages, joined; null when it has none. */
    public String error(String field) {
        return has(field) ? String.join("; ", fields.get(field)) : null;
    }

    /**
     * What the form shows above its inputs: its message, then the messages about fields it has
     * no input for (the {@code inputs} it has show theirs next to them).
     */
    public List<String> general(String... inputs) {
        List<String> placed = Arrays.asList(inputs);
        List<String> general = new ArrayList<>();
        if (message != null) {
            general.add(message);
        }
        fields.forEach((field, messages) -> {
            if (!placed.contains(field)) {
                general.addAll(messages);
            }
        });
        return general;
    }

    /** Everything in one line, for a form that shows a single message: its message, or each field and why. */
    public String summary() {
        if (message != null) {
            return message;
        }
        return fields.entrySet().stream().flatMap(e -> e.getValue().stream().map(m -> e.getKey() + " " + m))
                .collect(Collectors.joining("; "));
    }
}
