package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Every query parameter and form field held to {@link AcceptableText#ONE_LINE} before a handler binds it (a NUL
 * in a search term would otherwise reach PostgreSQL and fail as a 500): 400 naming the one at fault. Each is given
 * once: no read takes a list, and a second value would be joined to the first or dropped. So is a query
 * whose bytes are no UTF-8 text ({@code ?q=%FF}), which the server cannot read into parameters at all: checked first,
 * before anything else (the language's interceptor) reads a parameter and fails as a fault.
 */
@Configuration
class RequestText implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the pages' forms are read, and held to the same rules, by the command side (FormsToTheCommandSide)
        registry.addInterceptor(this).excludePathPatterns("/actions/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException undecodable) { // Tomcat's InvalidParameterException
            throw refusal("parameter", notUtf8(request.getQueryString()), "is not UTF-8 text");
        }
        parameters.entrySet().stream().filter(parameter -> parameter.getValue().length > 1).findFirst()
                  .ifPresent(repeated -> {
                      throw refusal("parameter", repeated.getKey(), "is given more than once");
                  });
        AcceptableText.ONE_LINE.firstRefused(parameters).ifPresent(refused -> {
            throw refusal("parameter", refused.name(), refused.problem());
        });
        return true;
    }

    /** The first parameter of the query whose name or value is no UTF-8 text, named as it was sent. */
    static String notUtf8(String query) {
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (!isUtf8(parameter)) {
                return parameter.split("=", 2)[0];
            }
        }
        return "";
    }

    private static boolean isUtf8(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static ErrorResponseException refusal(String kind, String name, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid " + kind + " " + name);
        detail.setProperty("errors", List.of(Map.of(kind, name, "message", problem)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }
}
