package org.ordinateurssolidaires.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDetailsBaseTest extends ProblemDetailsBase {

    @Test
    void listsTheFirstHundredErrorsAndHowManyMoreThereWere() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);

        listErrors(problem, "parameter", IntStream.range(0, 250)
                .mapToObj(i -> Map.of("parameter", "p" + i, "message", "must be a day")).toList());

        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(ERRORS_LISTED);
        assertThat(problem.getProperties()).containsEntry("errorsNotListed", 150);
        assertThat(problem.getDetail()).startsWith("invalid parameters: p0, p1, ").endsWith(", p99 and 150 more");
    }

    @Test
    void namesAnErrorOfTheWholeBodyAsSuch() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);

        listErrors(problem, "field", List.of(Map.of("field", "grade", "message", "must not be null"),
                Map.of("message", "a correction names at least one corrected field")));

        assertThat(problem.getDetail()).isEqualTo("invalid fields: grade, the body as a whole");
        assertThat(problem.getProperties()).doesNotContainKey("errorsNotListed");
    }
}
