package org.ordinateurssolidaires.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Every error either app answers is {@code application/problem+json}, including those no controller advice
 * handles: Tomcat's own refusals ({@link ProblemJsonErrorReportValve}) and the servlet container's error page,
 * which Spring Boot would otherwise render as its own JSON ({@link ProblemJsonErrorController} replaces it), and
 * the error answers that would otherwise leave with no body ({@link EmptyErrorBodies}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ProblemJsonErrors {

    @Bean
    ProblemJsonErrorController problemJsonErrorController() {
        return new ProblemJsonErrorController();
    }

    /** Before everything that reads the reader's languages, the answers' watch below included. */
    @Bean
    FilterRegistrationBean<LanguagesPreferred> languagesPreferred() {
        FilterRegistrationBean<LanguagesPreferred> registration =
                new FilterRegistrationBean<>(new LanguagesPreferred());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
                DispatcherType.ASYNC);
        return registration;
    }

    /** Around everything else, the security filters included, so that it sees the answer as it leaves. */
    @Bean
    FilterRegistrationBean<EmptyErrorBodies> emptyErrorBodies() {
        FilterRegistrationBean<EmptyErrorBodies> registration = new FilterRegistrationBean<>(new EmptyErrorBodies());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Inside the answers' watch above, outside the security filters, which may be the first to read a body. */
    @Bean
    FilterRegistrationBean<UnreadableBodies> unreadableBodies(
            @Value("${server.error.path:${error.path:/error}}") String errorPath) {
        FilterRegistrationBean<UnreadableBodies> registration =
                new FilterRegistrationBean<>(new UnreadableBodies(errorPath));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** The host creates its error valve when it starts, which is after the contexts are customised. */
    @Bean
    @ConditionalOnClass(StandardHost.class)
    TomcatContextCustomizer problemJsonErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
        };
    }
}
