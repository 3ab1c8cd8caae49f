package org.ordinateurssolidaires.web.security;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.List;
import java.util.Map;


/**
 * Who may call either app, defined once for both (docs/security.md). Each app signs callers in by itself against
 * the same accounts, and checks each operation's {@link Access} rule itself: defence in depth, not trust in the
 * other app.
 * <ul>
 *   <li>The API ({@code /api/**}, the actuator): stateless, each request signed in with HTTP Basic, or with a
 *   bearer token of the OpenID Connect provider when one is configured ({@link TokenCallers}); no session,
 *   so no cookie that a forged cross-site request could ride on, hence no CSRF token.</li>
 *   <li>Everything else (the API descriptions, the login page, the pages and their forms): a browser's session with
 *   a login form and CSRF protection; scripts may fetch the API descriptions with HTTP Basic. Both apps keep their
 *   sessions in the database, so that one sign-in on the pages holds for the forms they send to the command side
 *   (docs/architecture.md, "One address").</li>
 * </ul>
 * Anonymous callers reach only the health probes and what the app declares as its {@link PublicEndpoints}.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"},
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TokenClaims.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ProgrammeSecurity {

    private static final String[] HEALTH_PROBES = {"/actuator/health", "/actuator/health/**"};

    /**
     * What a browser may load and run on a page: only the app's own files. The pages hold no inline script or
     * style, so an injected {@code <script>} or {@code style=} does nothing; images may be {@code data:} (Swagger UI's
     * icons); no other site may frame a page, and forms post only here.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI's script sets one inline style as it draws; its scripts stay held to the app's own files. */
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.pathPattern("/swagger-ui/**");

    /**
     * The chains' refusals; also the answer of Spring Security's firewall, which refuses before any chain. Bearer
     * tokens are accepted where an OpenID Connect provider is configured (Spring Boot then makes a JwtDecoder).
     */
    @Bean
    ProblemJsonSecurityAnswers problemJsonSecurityAnswers(ObjectProvider<JwtDecoder> tokens) {
        return new ProblemJsonSecurityAnswers(tokens.getIfAvailable() != null);
    }

    /**
     * BCrypt, at a cost that an installation sets: each API request is signed in anew, so the cost is paid per
     * request unless the password was remembered ({@link AccountPasswords}). Hashes are stored with their
     * algorithm's id ({@code {bcrypt}...}), so that a stronger one can be added later and old hashes still
     * recognised. Passwords are hashed in their NFKC form ({@link NormalisedPasswords}).
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${ordinateurs.security.password-hash-strength:10}") int strength) {
        return new NormalisedPasswords(new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(strength))));
    }

    /**
     * Local accounts' sign-in (HTTP Basic and the login form), remembering a password that matched for a while
     * ({@code 0s} turns that off), and slowing down whoever guesses one.
     */
    @Bean
    @ConditionalOnBean(JdbcOperations.class)
    PasswordGuesses accountPasswords(AccountDirectory accounts, PasswordEncoder passwords,
                                     @Value("${ordinateurs.security.password-checks-remembered-for:5m}")
                                     Duration remembered,
                                     @Value("${ordinateurs.security.wrong-passwords-before-pause:5}") int allowed,
                                     @Value("${ordinateurs.security.longest-sign-in-pause:15m}") Duration longest) {
        return new PasswordGuesses(new AccountPasswords(accounts, passwords, remembered, Ticker.systemTicker()),
                allowed, longest, Ticker.systemTicker());
    }

    @Bean
    @ConditionalOnBean(JdbcOperations.class)
    AccountDirectory accountDirectory(JdbcOperations jdbc) {
        return new AccountDirectory(jdbc);
    }

    /** Read by Spring Security's filter chain in place of its default firewall. */
    @Bean
    HttpFirewall everyHeaderChecked() {
        return new EveryHeaderChecked();
    }

    @Bean
    RefusedSignIns refusedSignIns() {
        return new RefusedSignIns();
    }

    @Bean
    WebMvcConfigurer rulesBeforeBinding() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RulesBeforeBinding()).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
                            ProblemJsonSecurityAnswers answers,
                            ObjectProvider<JwtDecoder> tokens, TokenClaims claims) {
        http.securityMatcher("/api/**", "/actuator/**")
            .authorizeHttpRequests(requests -> {
                publicEndpoints.orderedStream().flatMap(declared -> declared.matchers().stream())
                               .forEach(endpoint -> requests.requestMatchers(endpoint).permitAll());
                requests.requestMatchers(HEALTH_PROBES).permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(Role.ADMIN.name(), Role.MONITORING.name())
                        .anyRequest().authenticated();
            })
            .httpBasic(basic -> basic.authenticationEntryPoint(answers))
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(refusals -> refusals.authenticationEntryPoint(answers).accessDeniedHandler(answers))
            // an answer of the API (a JSON, a PDF) is no page: no other site may frame it (OWASP's REST advice)
            .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives("frame-ancestors 'none'")));
        http.addFilterAfter(new HeadersOnce(answers), HeaderWriterFilter.class);
        http.addFilterAfter(new ChangesFromThisSiteOnly(), HeadersOnce.class);
        tokens.ifAvailable(decoder -> http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new TokenCallers(claims)))
                .authenticationEntryPoint(answers)
                .accessDeniedHandler(answers)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
                                ProblemJsonSecurityAnswers answers, ObjectProvider<AccountDirectory> accounts,
                                ObjectProvider<ClientRegistrationRepository> providers,
                                ObjectProvider<SignInPage> signInPage, TokenClaims claims) {
        accounts.ifAvailable(directory -> http.addFilterAfter(new SessionsFollowAccounts(directory),
                SecurityContextHolderFilter.class));
        SignInPage page = signInPage.getIfAvailable();
        http.authorizeHttpRequests(requests -> {
                publicEndpoints.orderedStream().flatMap(declared -> declared.matchers().stream())
                               .forEach(endpoint -> requests.requestMatchers(endpoint).permitAll());
                if (page != null) {
                    // whatever its query (?lang=en, its own link): the form login's permission is for the exact address
                    requests.requestMatchers(HttpMethod.GET, page.path()).permitAll();
                }
                requests.requestMatchers("/error").permitAll()
                        .anyRequest().authenticated();
            })
            .httpBasic(basic -> basic.authenticationEntryPoint(answers))
            // the error page a refused form is answered with is drawn in an error dispatch of the same POST: its
            // token was checked already
            .csrf(csrf -> csrf.ignoringRequestMatchers(new DispatcherTypeRequestMatcher(DispatcherType.ERROR))
                    // the pages' sign-in and the command side's own (its API description's) keep theirs apart
                    .csrfTokenRepository(new TokensBeforeSignIn(page == null ? "JETON-CSRF-API" : "JETON-CSRF"))
                    .csrfTokenRequestHandler(new TamperedCsrfTokens()))
            // a page asked before signing in is opened after it, remembered by the browser: no session for it yet
            .requestCache(cache -> cache.requestCache(new PageAskedBeforeSignIn()))
            .exceptionHandling(refusals -> refusals.accessDeniedHandler(answers))
            .headers(ProgrammeSecurity::pageHeaders);
        http.addFilterAfter(new HeadersOnce(answers), HeaderWriterFilter.class);
        http.addFilterBefore(new SignInFieldsOnce(page == null ? "/login" : page.path(), answers),
                UsernamePasswordAuthenticationFilter.class);
        if (page == null) {
            http.formLogin(Customizer.withDefaults()).logout(Customizer.withDefaults());
        } else {
            http.formLogin(form -> form.loginPage(page.path()).failureHandler(new SignInRefused(page.path()))
                                       .permitAll())
                .logout(logout -> logout.logoutSuccessUrl(page.path() + "?logout").permitAll())
                // a page's own refresh (htmx) after its session ended: the whole page goes to sign in, where the
                // API's 401 would leave it showing figures that no longer move
                .exceptionHandling(refusals -> refusals.defaultAuthenticationEntryPointFor(
                        (request, response, refused) -> {
                            response.setHeader("HX-Redirect", request.getContextPath() + page.path());
                            response.setStatus(HttpStatus.UNAUTHORIZED.value());
                        }, new RequestHeaderRequestMatcher("HX-Request", "true")));
        }
        // with an identity provider registered (spring.security.oauth2.client.*), the login page offers it too
        providers.ifAvailable(registered -> http.oauth2Login(login -> login.userInfoEndpoint(
                person -> person.oidcUserService(new ProviderSignIn(claims)))));
        return http.build();
    }

    /**
     * The headers of every answer a browser draws, beyond Spring Security's defaults (no sniffing, no framing, no
     * caching): the {@link #CONTENT_SECURITY_POLICY}, and addresses (a household's file, a device's id) never sent
     * to another site as the referrer.
     */
    public static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
        String swaggerUi = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                       new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
               .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                       new ContentSecurityPolicyHeaderWriter(swaggerUi)))
               .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * The same headers and Spring Security's defaults, for an answer written outside the security filters
     * (UnreadableBodies): a page all the same.
     */
    public static void writePageHeaders(HttpServletRequest request, HttpServletResponse response) {
        List.of(new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN), new XContentTypeOptionsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY), new CacheControlHeadersWriter())
            .forEach(writer -> writer.writeHeaders(request, response));
    }

    /** Only where the app publishes API descriptions (springdoc). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOperationCustomizer")
    static class ApiDescriptions {

        @Bean
        OpenApiSecurity openApiSecurity(ObjectProvider<JwtDecoder> tokens) {
            return new OpenApiSecurity(tokens.getIfAvailable() != null);
        }
    }
}
