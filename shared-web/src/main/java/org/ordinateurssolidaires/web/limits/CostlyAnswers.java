package org.ordinateurssolidaires.web.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Lets each caller run one {@link CostlyToAnswer} operation at a time, and at most {@code inAll} run at once;
 * one more is refused at once with 429 and Retry-After rather than queued, for a queued request would hold its
 * server thread meanwhile. Callers are told apart by their signed-in name, anonymous ones (a document's public
 * verification) by their address: shared, one anonymous upload sent slowly kept every other anonymous caller out.
 * The callers not seen for a while are forgotten, so that addresses do not fill the memory.
 */
public class CostlyAnswers implements HandlerInterceptor {

    private static final String HELD = CostlyAnswers.class.getName() + ".held";
    private static final String RETRY_AFTER_SECONDS = "5";
    /** Far more than the callers at once; a semaphore forgotten while held is only released into nothing. */
    private static final int MOST_CALLERS_KEPT = 10_000;

    private final int perCaller;
    private final Semaphore inAll;
    private final Cache<String, Semaphore> callers = Caffeine.newBuilder().maximumSize(MOST_CALLERS_KEPT)
                                                             .expireAfterAccess(Duration.ofMinutes(10)).build();

    public CostlyAnswers(int perCaller, int inAll) {
        this.perCaller = perCaller;
        this.inAll = new Semaphore(inAll);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod operation) || !operation.hasMethodAnnotation(CostlyToAnswer.class)) {
            return true;
        }
        Semaphore caller = callers.get(callerOf(request), name -> new Semaphore(perCaller));
        if (!caller.tryAcquire()) {
            throw tooMany("you already have " + perCaller + " such request(s) under way: send this one when it is"
                    + " answered");
        }
        if (!inAll.tryAcquire()) {
            caller.release();
            throw tooMany("the server is answering as many such requests as it can at once: send it again shortly");
        }
        request.setAttribute(HELD, caller);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(HELD) instanceof Semaphore caller) {
            request.removeAttribute(HELD);
            caller.release();
            inAll.release();
        }
    }

    /** A name cannot hold a space, an address none either: the two kinds of key never meet. */
    private static String callerOf(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "anonymous " + request.getRemoteAddr() : principal.getName();
    }

    private static ErrorResponseException tooMany(String detail) {
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail), null);
        refusal.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return refusal;
    }
}
