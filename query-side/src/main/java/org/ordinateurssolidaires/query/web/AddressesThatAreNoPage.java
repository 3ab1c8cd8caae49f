package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

/**
 * An address of the pages that is no page (a link typed wrong), or a page asked with a method it does not take,
 * answers the error page in the reader's language, as a page's own refusal does ({@link PageErrors}); the API's
 * and the operators' addresses keep their problem+json. A 405 says which methods the page takes ({@code Allow},
 * which HTTP requires of it).
 */
@Component
class AddressesThatAreNoPage implements HandlerExceptionResolver, Ordered {

    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator/", "/v3/", "/swagger-ui");

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception failure) {
        boolean noPage = failure instanceof NoHandlerFoundException || failure instanceof NoResourceFoundException;
        boolean wrongMethod = failure instanceof HttpRequestMethodNotSupportedException;
        if (!(noPage || wrongMethod) || NOT_PAGES.stream().anyMatch(request.getRequestURI()::startsWith)) {
            return null; // the next resolver's, as usual
        }
        if (failure instanceof HttpRequestMethodNotSupportedException refused
            && refused.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW,
                    StringUtils.collectionToDelimitedString(refused.getSupportedHttpMethods(), ", "));
        }
        return PageErrors.page(noPage ? HttpStatus.NOT_FOUND : HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
