package org.ordinateurssolidaires.query.web;

import org.ordinateurssolidaires.web.ChangesCheckedFirst;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.WebRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read of a view that has an entity tag (a device's version), answered as its conditions say (RFC 9110, 13.1.1,
 * 13.1.2): an {@code If-Match} no tag of which matches it strongly is 412; an {@code If-None-Match} one tag of which
 * matches it weakly, or {@code *} (the view exists), is 304; either header, not a list of entity tags, is 400 naming
 * it. Spring MVC's own evaluation lets {@code If-Match} pass on a read, takes {@code If-None-Match: *} for no match,
 * and finds a tag in text that is none ({@code "5"garbage} was a 304).
 */
public final class EntityTagConditions {

    /**
     * One element of the list and the comma after it: an entity tag, weak or not (a comma may be within its quotes),
     * or {@code *}; a list's empty elements are allowed.
     */
    private static final Pattern ELEMENT = Pattern.compile(
            "[ \\t]*(?:(\\*)|(W/)?(\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"))?[ \\t]*(?:,|$)");

    private EntityTagConditions() {
    }

    /** The view with its entity tag ({@code "12"}), or 304, 412 or 400 as the request's conditions say. */
    public static <T> ResponseEntity<T> answer(WebRequest request, String tag, T view) {
        List<Tag> required = tags(request, HttpHeaders.IF_MATCH);
        if (required != null && required.stream().noneMatch(each -> each.any() || !each.weak() && each.quoted()
                .equals(tag))) {
            throw ChangesCheckedFirst.ifMatchRefused("If-Match names no version of this: its ETag is its version now",
                    "no entity tag matches");
        }
        List<Tag> excluded = tags(request, HttpHeaders.IF_NONE_MATCH);
        if (excluded != null && excluded.stream().anyMatch(each -> each.any() || each.quoted().equals(tag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
        }
        return ResponseEntity.ok().eTag(tag).body(view);
    }

    /** An element of the list: {@code *}, or a tag as quoted, weak or not. */
    private record Tag(boolean any, boolean weak, String quoted) {
    }

    /** The header's entity tags, every line of it; null when it is not sent. */
    private static List<Tag> tags(WebRequest request, String header) {
        String[] lines = request.getHeaderValues(header);
        if (lines == null) {
            return null;
        }
        List<Tag> tags = new ArrayList<>();
        for (String line : lines) {
            Matcher element = ELEMENT.matcher(line);
            int at = 0;
            while (at < line.length()) {
                if (!element.region(at, line.length()).lookingAt() || element.end() == at) {
                    ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                            "invalid headers: " + header);
                    refused.setProperty("errors", List.of(Map.of("header", header,
                            "message", "must be * or a list of entity tags, as the ETag gives one (\"12\")")));
                    throw new ErrorResponseException(HttpStatus.BAD_REQUEST, refused, null);
                }
                if (element.group(1) != null || element.group(3) != null) {
                    tags.add(new Tag(element.group(1) != null, element.group(2) != null, element.group(3)));
                }
                at = element.end();
            }
        }
        return tags;
    }
}
