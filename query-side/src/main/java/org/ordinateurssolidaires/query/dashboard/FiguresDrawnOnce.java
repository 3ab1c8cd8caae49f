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

/**
 * The dashboard's figures, drawn once for every reader until they change. Every member of staff's browser asks for
 * the dashboard again every 15 s, and drawing its figures was most of a dashboard's time, while they change only as
 * the workshop's events come in (docs/benchmarks.md, "The dashboard's figures drawn once"). What the block shows
 * depends on what the template is given and on the reader's language alone, never on who reads it: those make the
 * key. The last block drawn is kept, one for the whole service.
 */
@Component
class FiguresDrawnOnce {

    static final String TEMPLATE = "dashboard/figures";

    private final ThymeleafViewResolver views;
    private volatile Drawn last;

    FiguresDrawnOnce(ThymeleafViewResolver views) {
        this.views = views;
    }

    /**
     * The block as HTML: the one kept when it was drawn from the same model in the same language, else drawn now
     * through the same view as any page (links, messages, the reader's language), within the request being answered.
     */
    String html(Map<String, Object> model, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Drawn drawn = last;
        if (drawn != null && drawn.locale().equals(locale) && drawn.model().equals(model)) {
            return drawn.html();
        }
        View view = views.resolveViewName(TEMPLATE, locale);
        StringWriter html = new StringWriter();
        view.render(model, request, new Captured(response, html));
        last = new Drawn(Map.copyOf(model), locale, html.toString());
        return html.toString();
    }

    private record Drawn(Map<String, Object> model, Locale locale, String html) {
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
