package io.linkledger.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. Rendered as {@code application/problem+json} with the
 * given status and detail, plus the offending fields when there are any.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldIssue> fieldIssues;

    public ProblemException(HttpStatus status, String detail, List<FieldIssue> fieldIssues) {
        super(detail);
        this.status = status;
        this.fieldIssues = List.copyOf(fieldIssues);
    }

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ProblemException invalid(List<FieldIssue> issues) {
        String detail = issues.size() == 1
                ? issues.getFirst().field() + ": " + issues.getFirst().message()
                : "The request has " + issues.size() + " invalid fields";
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, issues);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldIssue(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldIssue> fieldIssues() {
        return fieldIssues;
    }
}
