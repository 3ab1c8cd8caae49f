package org.ordinateurssolidaires.query.web;

import org.ordinateurssolidaires.web.RequestParameters;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every query parameter and form field held to the rules of {@link RequestParameters}, before any other interceptor
 * reads one (the pages' language).
 */
@Configuration
class RequestText implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the pages' forms are read, and held to the same rules, by the command side (FormsToTheCommandSide)
        registry.addInterceptor(new RequestParameters()).excludePathPatterns("/actions/**")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }
}
