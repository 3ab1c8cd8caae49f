package org.ordinateurssolidaires.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * An answer of the apps' operations labelled with its own type, not with the parameters of the {@code Accept} range
 * it matched: Spring MVC labels it with the most specific of the two, so that JSON asked as
 * {@code application/json;version=2} was labelled so, a version the API does not have. Its charset, the one
 * parameter the apps' types have, is kept; a label the operation set itself is its own (the actuator's, whose
 * Prometheus text names its version, is no operation of the apps).
 */
@ControllerAdvice(basePackages = "org.ordinateurssolidaires")
public class AnswersLabelledPlainly implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selected,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (selected != null && response.getHeaders().getContentType() == null
            && selected.getParameters().keySet().stream().anyMatch(name -> !name.equalsIgnoreCase("charset"))) {
            // the converter writes its own label only when none is set
            response.getHeaders().setContentType(selected.getCharset() == null
                    ? new MediaType(selected.getType(), selected.getSubtype())
                    : new MediaType(selected.getType(), selected.getSubtype(), selected.getCharset()));
        }
        return body;
    }
}
