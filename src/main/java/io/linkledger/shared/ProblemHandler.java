package io.linkledger.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into RFC 9457 {@code application/problem+json} with a detail a person
 * can act on. Validation failures also list the offending fields under {@code errors}. Details
 * that quote input are kept short by {@link ProblemSize}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** An answer to an error stays small whatever the input repeated in it: at most this many field issues. */
    private static final int MAX_ISSUES = 10;

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handle(ProblemException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), ProblemSize.cap(e.getMessage()));
        withErrors(problem, e.fieldIssues());
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException e) {
        String detail = "'" + e.getValue() + "' is not a valid " + e.getName();
        return handle(ProblemException.invalid(e.getName(), detail));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handle(DataIntegrityViolationException e) {
        // Services check rules first; reaching here means a concurrent request won a race.
        log.info("Constraint violation answered as 409: {}", e.getMostSpecificCause().getMessage());
        return handle(ProblemException.conflict(
                "The request conflicts with data that was changed at the same time; retry it"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Reference: " + reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldIssue> issues = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldIssue(error.getField(), error.getDefaultMessage()))
                .toList();
        ProblemException problem = ProblemException.invalid(issues);
        return ResponseEntity.badRequest().body(handle(problem).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        if (e.getCause() instanceof DatabindException databind) {
            String path = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("");
            detail = path.isEmpty()
                    ? detail + ": " + databind.getOriginalMessage()
                    : "Field '" + path + "' has an invalid value: " + firstLine(databind.getOriginalMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ProblemSize.cap(detail));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void withErrors(ProblemDetail problem, List<FieldIssue> issues) {
        if (!issues.isEmpty()) {
            problem.setProperty("errors", issues.stream().limit(MAX_ISSUES)
                    .map(issue -> Map.of("field", ProblemSize.cap(issue.field()),
                            "message", ProblemSize.cap(issue.message())))
                    .toList());
        }
    }
}
