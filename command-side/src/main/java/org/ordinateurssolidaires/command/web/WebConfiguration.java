package org.ordinateurssolidaires.command.web;

import org.ordinateurssolidaires.web.PlausibleTime;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandOriginResolver());
    }

    /** A moment given as a query parameter (a delivery's reception) is read as a JSON one: no 24:00, no :60. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Formatter<Instant>() {
            @Override
            public Instant parse(String text, Locale locale) {
                return PlausibleTime.instant(text);
            }

            @Override
            public String print(Instant moment, Locale locale) {
                return moment.toString();
            }
        });
    }
}
