package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.web.ParameterRefused;
import org.ordinateurssolidaires.web.ParameterRefused.Where;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page answers when it cannot show what was asked: the status, and a page that says why in the reader's
 * language, with the way home. A fault of ours is logged; the page says no more than that it happened.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ReadModelRebuilds rebuilds;

    PageErrors(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /**
     * A refusal says its status (an id that is not one: 400; nothing there: 404, or 503 while a read model that may
     * hold it is being rebuilt), and which of the address's values to change when it is one of them (a search term
     * with a control character, a filter given twice, a state that is none; not a value of the path, which is the
     * address itself); anything else is our fault.
     */
    @ExceptionHandler
    ModelAndView failed(Exception thrown, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            // a file half sent (the inventory's CSV) takes no page after it: cut short, it is seen to have failed
            throw thrown;
        }
        // not found, or not yet while a read model is being rebuilt ("Momentanément indisponible")
        Exception failure = thrown instanceof NotInTheReadModels missing ? rebuilds.answerFor(missing) : thrown;
        if (failure instanceof ParameterRefused refused && refused.where() == Where.QUERY) {
            return refused(refused.name(), refused.rule().name());
        }
        if (failure instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(RequestParam.class)) {
            return refused(mismatch.getName(), "typeMismatch");
        }
        if (failure instanceof BindException invalid && invalid.getFieldError() != null) { // filters as a record
            FieldError first = invalid.getFieldError();
            return refused(first.getField(), first.isBindingFailure() ? "typeMismatch" : first.getCode());
        }
        if (failure instanceof ErrorResponse refusal) {
            refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            return page(HttpStatus.resolve(refusal.getStatusCode().value())); // Retry-After of a 429 kept
        }
        if (failure instanceof AccessDeniedException) {
            return page(HttpStatus.FORBIDDEN);
        }
        if (failure instanceof TypeMismatchException) {
            return page(HttpStatus.BAD_REQUEST);
        }
        log.error("A page failed", failure);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * The refusal's page naming the address's value refused, in the pages' words when it is one of theirs, and the
     * rule it broke (a message code of the forms' refusals).
     */
    private static ModelAndView refused(String name, String rule) {
        return page(HttpStatus.BAD_REQUEST).addObject("refusedName", name).addObject("refusedRule", rule);
    }

    /**
     * The pages' error page for a status (a fault when none is known): {@code error.html}, which says why from the
     * status. Every way a page's error is answered draws it: this advice, {@link AddressesThatAreNoPage},
     * {@link ErrorPagesForBrowsers}, {@link FormsToTheCommandSide}.
     */
    static ModelAndView page(HttpStatus status) {
        HttpStatus shown = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        ModelAndView page = new ModelAndView("error");
        page.setStatus(shown);
        page.addObject("status", shown.value());
        return page;
    }
}
