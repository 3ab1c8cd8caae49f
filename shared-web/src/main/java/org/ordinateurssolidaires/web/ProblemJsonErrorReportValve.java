package org.ordinateurssolidaires.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The servlet container's own error answers, as {@code application/problem+json} like every other answer of the
 * API, instead of Tomcat's HTML page. Tomcat answers by itself when a request breaks HTTP before any servlet sees
 * it: headers beyond the size limit, a character not allowed in the request line or a header, a malformed URL.
 * The detail names the rule, never the request's own bytes (they are what was refused).
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own valves: only errors, only once, only while the connection can still be written to
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + (known != null ? known.getReasonPhrase() : "Error")
                + "\",\"status\":" + status + ",\"detail\":\"" + detail(status) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException connectionGone) {
            // the client is gone or the response was taken meanwhile: nothing more can be said
        }
    }

    private static String detail(int status) {
        if (status == 400) {
            return "the request breaks HTTP's rules before it reaches the API: headers beyond the server's size"
                    + " limit, a character not allowed in the request line or a header, or a malformed URL";
        }
        return status >= 500 ? "the server could not handle the request" : "the request was refused by the server";
    }
}
