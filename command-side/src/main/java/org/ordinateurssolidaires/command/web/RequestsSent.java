package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request a command comes from, as its client sent it: what a retry under the same Idempotency-Key repeats,
 * and so what {@link ProcessedCommands} compares, rather than the command. The server adds to a command what the
 * client did not send (a partner's referral is dated on its arrival), so a retry's command differs from the first
 * one's even though its request does not. A JSON body is kept once read, a page's form once bound to its request
 * record ({@link PageForms#bind}): what the client meant, whatever its spacing or the order of its keys.
 */
@ControllerAdvice
class RequestsSent extends RequestBodyAdviceAdapter {

    private static final String BODY = RequestsSent.class.getName() + ".body";

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        keep(body);
        return body;
    }

    /** Keeps {@code body} as what the current request sent, if there is one. */
    static void keep(Object body) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(BODY, body, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * The SHA-256 of the current request: its method, address, query and body as read; null outside a request
     * (a command sent by the application itself).
     */
    static String digest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("method", request.getMethod());
        sent.put("path", request.getRequestURI());
        sent.put("query", request.getQueryString());
        sent.put("body", attributes.getAttribute(BODY, RequestAttributes.SCOPE_REQUEST));
        return ProcessedCommands.plainDigest(sent);
    }
}
