package org.ordinateurssolidaires.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem written straight to the servlet response, where Spring MVC's message converters are out of reach (the
 * security filters, or a request whose {@code Accept} header they cannot read): the same fields Spring's own
 * problems carry.
 */
public final class ProblemJsonResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJsonResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detail) throws IOException {
        write(request, response, status, detail, List.of());
    }

    /** @param errors what was wrong, where: {@code {"header": "Idempotency-Key", "message": "..."}} */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                             String detail, List<Map<String, String>> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        URI instance = ProblemJsonErrorController.pathOf(request.getRequestURI());
        if (instance != null) {
            problem.put("instance", instance.toString());
        }
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
