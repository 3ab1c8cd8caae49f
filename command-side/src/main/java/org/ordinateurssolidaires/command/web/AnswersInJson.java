package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Collections;
import java.util.List;

/**
 * A command whose answer (JSON) the caller says it cannot read ({@code Accept: text/html}, {@code application/xml})
 * is refused 406 before it is sent. Spring negotiates the answer's type only once the handler has returned: the
 * command was recorded, then answered 406, and a client that took the error for a failure and sent it again got a
 * conflict, or recorded a second donor. The pages' forms ({@code /actions/}) answer with redirections: not theirs.
 */
class AnswersInJson implements HandlerInterceptor {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON);

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (HttpMethod.GET.matches(request.getMethod()) || !(handler instanceof HandlerMethod method)
            || !(method.hasMethodAnnotation(ResponseBody.class)
                 || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class))) {
            return true; // a read, which changes nothing; or a page's form, answered with a redirection
        }
        List<String> accepted = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        try {
            if (accepted.isEmpty() || MediaType.parseMediaTypes(accepted).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON))) {
                return true;
            }
        } catch (InvalidMediaTypeException unreadable) {
            throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read: "
                                                          + unreadable.getMessage());
        }
        throw new HttpMediaTypeNotAcceptableException(ANSWERS);
    }
}
