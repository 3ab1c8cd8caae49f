package org.ordinateurssolidaires.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The reader's languages, whatever their {@code Accept-Language} lists. Tomcat refuses to read more than ten of them
 * and throws to whoever asks, the language of a page, of an error or of Spring Security's messages: every request
 * with eleven, signed in or not, the health probe's included, was a 500 logged as a fault. A preference is no
 * input to refuse, so such a list is read as its ten most preferred, as a browser set to many languages means it;
 * a list that cannot be read at all as none.
 */
class LanguagesPreferred extends OncePerRequestFilter {

    /** Tomcat's own bound (its connector's maxLocaleCount). */
    private static final int MOST = 10;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getLocale();
        } catch (IllegalArgumentException beyondTheBound) {
            chain.doFilter(new FirstPreferences(request, mostPreferred(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))),
                    response);
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page reads the language too
    }

    static List<Locale> mostPreferred(String header) {
        try {
            return Locale.LanguageRange.parse(header).stream() // most preferred first
                                       .map(range -> Locale.forLanguageTag(range.getRange()))
                                       .filter(locale -> !locale.getLanguage().isEmpty()).limit(MOST).toList();
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    private static final class FirstPreferences extends HttpServletRequestWrapper {

        private final List<Locale> locales;

        FirstPreferences(HttpServletRequest request, List<Locale> locales) {
            super(request);
            this.locales = locales.isEmpty() ? List.of(Locale.getDefault()) : locales; // as Tomcat without the header
        }

        @Override
        public Locale getLocale() {
            return locales.get(0);
        }

        @Override
        public Enumeration<Locale> getLocales() {
            return Collections.enumeration(locales);
        }
    }
}
