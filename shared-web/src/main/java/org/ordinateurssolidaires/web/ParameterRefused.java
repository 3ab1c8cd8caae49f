package org.ordinateurssolidaires.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/**
 * A query parameter, a path variable or a multipart part refused by {@link RequestParameters}: 400 naming it, as a
 * problem for the API, and, for the pages, the name and the rule's message code, so that a page's refusal can say
 * which filter to change in the reader's language instead of only that something was wrong.
 */
public final class ParameterRefused extends ErrorResponseException {

    /** The rules, as the pages' messages name them (the forms' refusals use the same codes). */
    public enum Rule {
        /** Given more than once. */
        Repeated,
        /** Bytes that are no UTF-8 text. */
        NotUtf8,
        /** Longer than the bound. */
        Size,
        /** A control character, a line break, or nothing visible. */
        AcceptableText,
        /** Not one the API's operation reads. */
        Unknown,
        /** Fine alone, at odds with another parameter (a period ending before it starts, a link without its hash). */
        AtOdds
    }

    /** Where in the request the value was, and what the API's problem calls it there. */
    public enum Where {
        QUERY("parameter"), PATH("parameter"), PART("part");

        private final String kind;

        Where(String kind) {
            this.kind = kind;
        }
    }

    private final Where where;
    private final String name;
    private final Rule rule;

    /** A query parameter at odds with another: 400 naming it, as any refused parameter. */
    public static ParameterRefused atOdds(String name, String problem) {
        return new ParameterRefused(Where.QUERY, name, Rule.AtOdds, problem);
    }

    ParameterRefused(Where where, String name, Rule rule, String problem) {
        super(HttpStatus.BAD_REQUEST, problem(where.kind, name, problem), null);
        this.where = where;
        this.name = name;
        this.rule = rule;
    }

    private static ProblemDetail problem(String kind, String name, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid " + kind + " " + name);
        detail.setProperty("errors", List.of(Map.of(kind, name, "message", problem)));
        return detail;
    }

    public Where where() {
        return where;
    }

    public String name() {
        return name;
    }

    public Rule rule() {
        return rule;
    }
}
