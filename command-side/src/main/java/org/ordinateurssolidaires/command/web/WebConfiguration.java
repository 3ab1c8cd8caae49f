package org.ordinateurssolidaires.command.web;

import org.ordinateurssolidaires.web.RequestParameters;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandOriginResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the pages' forms are held to the same rules field by field, where a field may run over lines (PageForms)
        registry.addInterceptor(new RequestParameters()).excludePathPatterns(PageForms.PATH + "**")
                .order(Ordered.HIGHEST_PRECEDENCE);
    }
}
