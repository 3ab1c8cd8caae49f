package org.ordinateurssolidaires.query.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's figures, drawn once for every reader until they change. Every member of staff's browser asks for
 * the dashboard again every 15 s, and drawing its figures took most of a dashboard's CPU and allocation, while they
 * change only as the workshop's events come in (docs/benchmarks.md, "The dashboard's figures drawn once"). What the
 * block shows depends on what the template is given and on the reader's language alone, never on who reads it
 * (figures.html holds no form, no name, no role): those make the key. The last block drawn in each language is kept.
 */
@Component
class FiguresDrawnOnce {

    static final String TEMPLATE = "dashboard/figures";

    private final ThymeleafViewResolver views;
    /** By language: the pages speak two. */
    private final Map<Locale, Drawn> lastDrawn = new ConcurrentHashMap<>();

    FiguresDrawnOnce(ThymeleafViewResolver views) {
        this.views = views;
    }

    /**
     * The block as HTML: the one kept when it was drawn from the same model in the same language, else drawn now
     * through the same view as any page (links, messages, the reader's language), within the request being answered.
     */
    String html(Map<String, Object> model, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Drawn drawn = lastDrawn.get(locale);
        if (drawn != null && drawn.model().equals(model)) {
            return drawn.html();
        }
        View view = views.resolveViewName(TEMPLATE, locale);
        StringWriter html = new StringWriter();
        view.render(model, request, new Captured(response, html));
        lastDrawn.put(locale, new Drawn(Map.copyOf(model), html.toString()));
        return html.toString();
    }

    private record Drawn(Map<String, Object> model, String html) {
    }

    /** The view's output kept as text; what it would set on the page's own response (type, language) left alone. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final PrintWriter writer;

        Captured(HttpServletResponse response, StringWriter html) {
            super(response);
            this.writer = new PrintWriter(html);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }
    }
}
