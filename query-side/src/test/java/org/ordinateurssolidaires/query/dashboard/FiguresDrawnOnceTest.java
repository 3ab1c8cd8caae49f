package org.ordinateurssolidaires.query.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresDrawnOnceTest {

    /** Draws what it is given and in which language, and remembers each drawing. */
    private final List<String> drawings = new ArrayList<>();
    private final FiguresDrawnOnce figures = new FiguresDrawnOnce(new ThymeleafViewResolver() {
        @Override
        public View resolveViewName(String name, Locale locale) {
            return (model, request, response) -> {
                response.setContentType("text/html;charset=UTF-8");
                response.setLocale(locale);
                String drawn = "<div>" + name + " " + locale + " " + model.get("figures") + "</div>";
                drawings.add(drawn);
                response.getWriter().write(drawn);
            };
        }
    });
    private final MockHttpServletRequest request = new MockHttpServletRequest();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void theSameFiguresInTheSameLanguageAreDrawnOnceForEveryReader() throws Exception {
        String first = figures.html(Map.of("figures", List.of(3, 4)), Locale.FRENCH, request, response);
        String again = figures.html(Map.of("figures", List.of(3, 4)), Locale.FRENCH, new MockHttpServletRequest(),
                new MockHttpServletResponse());

        assertThat(first).isEqualTo("<div>dashboard/figures fr [3, 4]</div>");
        assertThat(again).isEqualTo(first);
        assertThat(drawings).hasSize(1);
    }

    @Test
    void figuresThatChangedAreDrawnAgain() throws Exception {
        figures.html(Map.of("figures", List.of(3, 4)), Locale.FRENCH, request, response);

        assertThat(figures.html(Map.of("figures", List.of(3, 5)), Locale.FRENCH, request, response))
                .isEqualTo("<div>dashboard/figures fr [3, 5]</div>");
        assertThat(figures.html(Map.of("figures", List.of(3, 5), "refresh", "every 5000ms"), Locale.FRENCH, request,
                response)).isEqualTo("<div>dashboard/figures fr [3, 5]</div>");
        assertThat(drawings).hasSize(3);
    }

    @Test
    void anotherLanguageIsDrawnInItsOwnWords() throws Exception {
        figures.html(Map.of("figures", List.of(3, 4)), Locale.FRENCH, request, response);

        assertThat(figures.html(Map.of("figures", List.of(3, 4)), Locale.ENGLISH, request, response))
                .isEqualTo("<div>dashboard/figures en [3, 4]</div>");
        assertThat(drawings).hasSize(2);
    }

    @Test
    void eachLanguageKeepsItsOwnBlock() throws Exception {
        figures.html(Map.of("figures", List.of(3, 4)), Locale.FRENCH, request, response);
        figures.html(Map.of("figures", List.of(3, 4)), Locale.ENGLISH, request, response);

        assertThat(figures.html(Map.of("figures", List.of(3, 4)), Locale.FRENCH, request, response))
                .isEqualTo("<div>dashboard/figures fr [3, 4]</div>");
        assertThat(drawings).hasSize(2);
    }

    /**
     * The block is kept for every reader, so it may hold nothing of one: no form (its CSRF token), no one's name,
     * nothing shown by role.
     */
    @Test
    void theBlockHoldsNothingOfItsReader() throws Exception {
        String template = new ClassPathResource("templates/" + FiguresDrawnOnce.TEMPLATE + ".html")
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(template).contains("id=\"chiffres\"")
                            .doesNotContain("<form", "_csrf", "sec:", "#authentication", "#request", "#session",
                                    "${session", "${param", "#authorization");
    }

    /** The page's own view says what the answer is; the block drawn within it must not. */
    @Test
    void drawingTheBlockLeavesThePagesAnswerAlone() throws Exception {
        figures.html(Map.of("figures", List.of(3, 4)), Locale.ENGLISH, request, response);

        assertThat(response.getContentType()).isNull();
        assertThat(response.getHeader("Content-Language")).isNull();
        assertThat(response.getContentAsString()).isEmpty();
    }
}
