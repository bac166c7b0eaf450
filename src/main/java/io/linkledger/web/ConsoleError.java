package io.linkledger.web;

import java.util.Map;

import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.linkledger.shared.ProblemException;

/** What the console's error page says: the status, a heading in words and the detail a person can act on. */
public record ConsoleError(int status, String title, String detail) {

    private static final Map<Integer, String> TITLES = Map.of(
            400, "This request is not right",
            404, "Page not found",
            405, "This action is not available here",
            409, "This conflicts with a change",
            422, "This could not be done");

    static ConsoleError of(Exception exception) {
        if (exception instanceof ProblemException problem) {
            return of(problem.status().value(), problem.fieldIssues().isEmpty() ? problem.getMessage()
                    : String.join("; ", problem.fieldIssues().stream()
                            .map(issue -> issue.field() + " " + issue.message()).toList()));
        }
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            return of(400, "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName() + ".");
        }
        if (exception instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            int status = response.getStatusCode().value();
            return of(status, status == 404 ? "There is nothing at this address." : response.getBody().getDetail());
        }
        return null;
    }

    private static ConsoleError of(int status, String detail) {
        if (status < 400 || status >= 500) {
            return null;
        }
        return new ConsoleError(status, TITLES.getOrDefault(status, "This could not be done"), detail);
    }
}
