package io.linkledger.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request the application never saw: a URL with broken percent
 * encoding, a header or request line Tomcat refuses, an unsupported HTTP version. Instead of
 * Tomcat's HTML page it writes a small problem+json that quotes nothing from the request.
 * Errors the application raised have been answered by then ({@link ProblemErrorController}).
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ContainerProblems.body(status));
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell it.
        }
    }
}
