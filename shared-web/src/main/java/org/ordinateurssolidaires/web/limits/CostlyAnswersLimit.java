package org.ordinateurssolidaires.web.limits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The limit on {@link CostlyToAnswer} operations: {@code ordinateurs.limits.costly.per-caller} at a time for each
 * caller (1), {@code ordinateurs.limits.costly.in-all} at once in the app (2, well below the connection pool's
 * 10, which the projections and every other request share).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CostlyAnswersLimit {

    @Bean
    WebMvcConfigurer costlyAnswersLimit(@Value("${ordinateurs.limits.costly.per-caller:1}") int perCaller,
                                        @Value("${ordinateurs.limits.costly.in-all:2}") int inAll) {
        CostlyAnswers limit = new CostlyAnswers(perCaller, inAll);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limit);
            }
        };
    }
}
