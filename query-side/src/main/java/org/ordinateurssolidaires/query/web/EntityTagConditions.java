package org.ordinateurssolidaires.query.web;

import org.ordinateurssolidaires.web.ChangesCheckedFirst;
import org.ordinateurssolidaires.web.EntityTags;
import org.ordinateurssolidaires.web.EntityTags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

import java.util.List;

/**
 * A read of a view that has an entity tag (a device's version), answered as its conditions say (RFC 9110, 13.1.1,
 * 13.1.2): an {@code If-Match} no tag of which matches it strongly is 412; an {@code If-None-Match} one tag of which
 * matches it weakly, or {@code *} (the view exists), is 304; either header, not a list of entity tags, is 400 naming
 * it. Spring MVC's own evaluation lets {@code If-Match} pass on a read, takes {@code If-None-Match: *} for no match,
 * and finds a tag in text that is none ({@code "5"garbage} was a 304).
 */
public final class EntityTagConditions {

    private EntityTagConditions() {
    }

    /** The view with its entity tag ({@code "12"}), or 304, 412 or 400 as the request's conditions say. */
    public static <T> ResponseEntity<T> answer(WebRequest request, String tag, T view) {
        List<Tag> required = EntityTags.of(HttpHeaders.IF_MATCH, request.getHeaderValues(HttpHeaders.IF_MATCH));
        if (required != null && required.stream().noneMatch(each -> each.any() || !each.weak() && each.quoted()
                .equals(tag))) {
            throw ChangesCheckedFirst.ifMatchRefused("If-Match names no version of this: its ETag is its version now",
                    "no entity tag matches");
        }
        List<Tag> excluded = EntityTags.of(HttpHeaders.IF_NONE_MATCH,
                request.getHeaderValues(HttpHeaders.IF_NONE_MATCH));
        if (excluded != null && excluded.stream().anyMatch(each -> each.any() || each.quoted().equals(tag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).build();
        }
        return ResponseEntity.ok().eTag(tag).body(view);
    }
}
