package org.ordinateurssolidaires.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity tags an {@code If-Match} or {@code If-None-Match} names, every line of it (RFC 9110, 8.8.3 and 13.1):
 * {@code *} alone, or a list of tags, weak or not. Anything else ({@code 8} unquoted, {@code "5"garbage}, {@code *}
 * among tags) is no condition at all, refused with 400 naming the header, on a read as on a command: a 412 would say
 * a version was named and is not the thing's.
 */
public final class EntityTags {

    /**
     * One element of the list and the comma after it: an entity tag, weak or not (a comma may be within its quotes),
     * or {@code *}; a list's empty elements are allowed.
     */
    private static final Pattern ELEMENT = Pattern.compile(
            "[ \\t]*(?:(\\*)|(W/)?(\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"))?[ \\t]*(?:,|$)");

    private EntityTags() {
    }

    /** An element of the list: {@code *}, or a tag as quoted ({@code "12"}), weak or not. */
    public record Tag(boolean any, boolean weak, String quoted) {
    }

    /** The tags of the header's lines; null when it is not sent. */
    public static List<Tag> of(String header, String[] lines) {
        if (lines == null || lines.length == 0) {
            return null;
        }
        List<Tag> tags = new ArrayList<>();
        for (String line : lines) {
            Matcher element = ELEMENT.matcher(line);
            int at = 0;
            while (at < line.length()) {
                if (!element.region(at, line.length()).lookingAt() || element.end() == at) {
                    throw refused(header, "must be * or a list of entity tags, as the ETag gives one (\"12\")");
                }
                if (element.group(1) != null || element.group(3) != null) {
                    tags.add(new Tag(element.group(1) != null, element.group(2) != null, element.group(3)));
                }
                at = element.end();
            }
        }
        if (tags.size() > 1 && tags.stream().anyMatch(Tag::any)) { // "*" stands alone (RFC 9110, 13.1.1)
            throw refused(header, "must be * alone, or a list of entity tags");
        }
        return tags;
    }

    /** 400 naming the header and what is wrong with it. */
    public static ErrorResponseException refused(String header, String problem) {
        ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid headers: " + header);
        refused.setProperty("errors", List.of(Map.of("header", header, "message", problem)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, refused, null);
    }
}
