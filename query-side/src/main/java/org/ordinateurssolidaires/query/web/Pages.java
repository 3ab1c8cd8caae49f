package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.web.pages.FrenchFirst;
import org.ordinateurssolidaires.web.security.ProgrammeSecurity;
import org.ordinateurssolidaires.web.security.PublicEndpoints;
import org.ordinateurssolidaires.web.security.SignInPage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The pages people use (docs/architecture.md, "One address"): this app serves them, in French unless the reader
 * asks for English ({@code ?lang=en}, kept in a cookie), signs people in, and passes their forms on to the
 * command side, which records them. The browser sees one address; both apps share its session (Spring Session,
 * in the database), so that the command side knows who sent a form and checks its CSRF token itself.
 */
@Configuration
class Pages implements WebMvcConfigurer {

    @Bean
    SignInPage signInPage() {
        return new SignInPage("/login");
    }

    /** The sign-in page and what every page needs to show (styles, the one script) are anyone's. */
    @Bean
    PublicEndpoints pagesAssets() {
        return PublicEndpoints.of(HttpMethod.GET, "/css/**", "/webjars/**", "/favicon.ico");
    }

    @Bean
    LocaleResolver localeResolver() {
        SpokenLanguages resolver = new SpokenLanguages();
        resolver.setDefaultLocaleFunction(request -> FrenchFirst.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // a cookie that names no language (planted, or another site's) is read as none, never an error page
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    /**
     * French or English, as the pages speak them: the reader's choice ({@code ?lang=}, kept in a cookie), else as the
     * browser reads them, French first ({@link FrenchFirst}); another language asked ({@code ?lang=xx}) changes
     * nothing, and a cookie of one is read as none. The API speaks its own words, English, whoever asks: a rule's
     * message is never half in the reader's language.
     */
    static final class SpokenLanguages extends CookieLocaleResolver {

        SpokenLanguages() {
            super(FrenchFirst.COOKIE);
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return () -> Locale.ENGLISH;
            }
            // read again each time it is asked: ?lang= changes the request's language after this context is made,
            // and what the page says (its words, its months' names) must all be in the one it changed to; a cookie
            // of another language (the app sets none) is none, and the browser's are read, as by the error valve
            return () -> FrenchFirst.of(super.resolveLocaleContext(request).getLocale(),
                    request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }

        /** What a page's own lang attribute and its cached parts go by: a spoken language too. */
        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return resolveLocaleContext(request).getLocale();
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
                                     LocaleContext context) {
            // a language the pages do not speak, or none ({@code ?lang=}), changes nothing: no cookie of it is kept
            Locale asked = context == null ? null : context.getLocale();
            if (FrenchFirst.speaks(asked)) {
                super.setLocaleContext(request, response, () -> new Locale(asked.getLanguage()));
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor byParameter = new LocaleChangeInterceptor();
        byParameter.setParamName("lang");
        byParameter.setIgnoreInvalidLocale(true);
        // on the pages only: the API speaks its own words, and a form's body goes on to the command side unread
        registry.addInterceptor(byParameter).excludePathPatterns("/api/**", "/actuator/**", "/actions/**");
    }

    /**
     * The forms are the command side's to check: who sent them, their CSRF token and their rights. This app neither
     * reads their bodies (a multipart upload is passed on as it streams) nor opens a session for them.
     */
    @Bean
    @Order(0)
    SecurityFilterChain forms(HttpSecurity http) {
        return http.securityMatcher("/actions/**")
                   .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                   .csrf(csrf -> csrf.disable())
                   .requestCache(cache -> cache.disable())
                   .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                   .headers(ProgrammeSecurity::pageHeaders) // the relay's own pages (413, 503) are pages too
                   .build();
    }
}
