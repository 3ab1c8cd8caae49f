package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.web.ProblemJsonErrorController;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What reaches the container's error page, asked for by a browser: a fault while a page was drawn, a refusal made
 * below Spring MVC (a form without its CSRF token, a session that ended), answered with the pages' error page in
 * the reader's language. Other clients keep the problem+json of {@link ProblemJsonErrorController}, on the same
 * path for every other type.
 */
@Controller
class ErrorPagesForBrowsers {

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(Access.ANYONE)
    ModelAndView error(HttpServletRequest request) {
        return PageErrors.page(ProblemJsonErrorController.statusOf(request));
    }
}
