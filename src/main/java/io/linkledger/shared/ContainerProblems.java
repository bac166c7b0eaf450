package io.linkledger.shared;

import org.springframework.http.HttpStatus;

/**
 * The small problem+json for a request refused before the application saw it, by Tomcat
 * ({@link ProblemErrorReportValve}) or by the redirect edge in front of it: it quotes nothing from
 * the request.
 */
public final class ContainerProblems {

    private ContainerProblems() {
    }

    public static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request is malformed: check the URL (its percent-encoding), the request line "
                    + "and the headers";
            case 408 -> "The request took too long to arrive";
            case 413 -> "The request is too large";
            case 414 -> "The URL is too long";
            case 431 -> "The request headers are too large";
            case 505 -> "This HTTP version is not supported; use HTTP/1.1";
            default -> status >= 500 ? "Something went wrong on our side" : title;
        };
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\"}";
    }
}
