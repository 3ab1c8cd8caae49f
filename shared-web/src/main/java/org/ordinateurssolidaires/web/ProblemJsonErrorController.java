package org.ordinateurssolidaires.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The servlet container's error page, in place of Spring Boot's: what reaches it escaped every controller advice
 * (a fault of ours, or a refusal made below Spring MVC), so it says no more than the status. The exception itself
 * is in the log, where the container put it.
 */
@RestController
@Hidden // not an operation of the API: the container forwards here
public class ProblemJsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        // The type a page had set before the container took over (a form whose sender stopped mid-way, found as
        // the page was drawn) would stand over the problem's, which then could not be written: a 500.
        response.setContentType(null);
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "the server could not handle the request; the fault is logged"
                : request.getAttribute(UnreadableBodies.REFUSAL) instanceof String why ? why
                : status == HttpStatus.CONTENT_TOO_LARGE ? UnreadableBodies.TOO_LARGE
                : "the request was refused");
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            problem.setInstance(pathOf(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The status of the error behind the request; asked for by its own path, no error behind it: not found. */
    public static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer number && HttpStatus.resolve(number) != null ? HttpStatus.resolve(number)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /**
     * The path the request was for, as Spring's own problems give it: as it was sent ({@code %2e%2e} stays so, where
     * quoting it again made it {@code %252e%252e}), or, when that is no URI's path, its odd characters quoted.
     */
    public static URI pathOf(String path) {
        try {
            URI sent = new URI(path);
            if (sent.getScheme() == null && sent.getRawAuthority() == null) {
                return sent;
            }
        } catch (URISyntaxException notAsSent) {
            // quoted below
        }
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException unquotable) {
            return null;
        }
    }
}
