package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.events.AcceptableText;
import org.ordinateurssolidaires.web.ChangesCheckedFirst;
import org.ordinateurssolidaires.web.EntityTags;
import org.ordinateurssolidaires.web.EntityTags.Tag;
import org.ordinateurssolidaires.web.VersionChecked;
import org.ordinateurssolidaires.web.StrictValues;
import org.ordinateurssolidaires.web.pages.FormPages;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Lets a controller method take a {@link CommandOrigin} parameter: who sends the command is the signed-in
 * {@link Caller}, never what a header claims; the conversation comes from the headers. Their values go into the
 * metadata of every event the command records, so each is held to {@link AcceptableText#IDENTIFIER}.
 */
class CommandOriginResolver implements HandlerMethodArgumentResolver {

    /** A sequence number of Axon's, as a page or an ETag writes it: no sign, no leading zero, within a long. */
    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,17}");

    static final String FORM_FIELD = "commandId";
    /** A page's form acting on one thing carries the version the page showed of it ({@link VersionsSeen}). */
    static final String VERSION_FIELD = "drawnVersion";
    /** The request attribute saying the form's version was taken, for {@link PageForms} to let its field through. */
    static final String VERSION_TAKEN = CommandOriginResolver.class.getName() + ".versionTaken";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CommandOrigin.class);
    }

    @Override
    public CommandOrigin resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                         NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Caller caller = Caller.current();
        String header = header(request, CommandOrigin.COMMAND_ID_HEADER);
        UUID commandId = header != null ? commandId(header, CommandOrigin.COMMAND_ID_HEADER)
                : commandId(formsCommandId(request), FORM_FIELD);
        if (commandId == null && aPagesForm(request)) {
            // every page's form is drawn with one: without it, a form sent twice would be recorded twice
            throw new InvalidHeader(FORM_FIELD, "is required: every page's form is drawn with one");
        }
        return new CommandOrigin(caller.username(), caller.actingRole().code(), commandId,
                header(request, CommandOrigin.CORRELATION_HEADER),
                !parameter.hasMethodAnnotation(VersionChecked.class) ? null
                        : aPagesForm(request) ? drawnVersion(request) : versionMatched(request));
    }

    /**
     * The version a page's form was drawn at, as the page writes it: its device's view's. Only the forms of a step on
     * one device take one ({@link VersionChecked}); on another form the field is left to {@link PageForms}, which
     * refuses it as a field the form has not.
     */
    private static Long drawnVersion(NativeWebRequest request) {
        String drawn = request.getParameter(VERSION_FIELD);
        if (drawn == null) {
            return null;
        }
        if (!VERSION.matcher(drawn).matches()) {
            throw new InvalidHeader(VERSION_FIELD, "must be the version the page was drawn at, a whole number");
        }
        request.setAttribute(VERSION_TAKEN, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        return Long.valueOf(drawn);
    }

    /**
     * The version an API client's {@code If-Match} names, as the device's view gives it in its {@code ETag}; none
     * for {@code *} (the thing exists, as the command itself checks). A weak tag or another's never matches (HTTP
     * compares strongly): 412 before anything is done, as for any other change; several tags are refused, as a
     * command changes one version.
     */
    private static Long versionMatched(NativeWebRequest request) {
        List<Tag> tags = EntityTags.of(HttpHeaders.IF_MATCH, request.getHeaderValues(HttpHeaders.IF_MATCH));
        if (tags == null || tags.size() == 1 && tags.get(0).any()) {
            return null;
        }
        if (tags.size() > 1) {
            throw new InvalidHeader(HttpHeaders.IF_MATCH, "must name one version, as the device's ETag does");
        }
        // none (the header empty) matches no version
        String version = tags.isEmpty() ? "" : tags.get(0).quoted().substring(1, tags.get(0).quoted().length() - 1);
        if (!VERSION.matcher(version).matches() || tags.get(0).weak()) {
            throw ChangesCheckedFirst.ifMatchRefused("If-Match names no version of this: nothing was changed; "
                    + "its view's ETag is its version now", "no entity tag matches");
        }
        return Long.valueOf(version);
    }

    private static boolean aPagesForm(NativeWebRequest request) {
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return servlet != null && servlet.getRequestURI().startsWith(FormPages.PATH);
    }

    /** A page's form carries its command id as a field, drawn with the form (the query side's {@code FormKeys}). */
    private static String formsCommandId(NativeWebRequest request) {
        return aPagesForm(request) ? request.getNativeRequest(HttpServletRequest.class).getParameter(FORM_FIELD)
                : null;
    }

    private static String header(NativeWebRequest request, String name) {
        String value = request.getHeader(name);
        AcceptableText.IDENTIFIER.problem(value).ifPresent(problem -> {
            throw new InvalidHeader(name, problem);
        });
        // the server reads a header's bytes as ISO-8859-1, whatever the client meant: "é" sent in UTF-8 would be
        // kept for good as "Ã©"
        if (value != null && value.chars().anyMatch(character -> character > 0x7E)) {
            throw new InvalidHeader(name, "must be ASCII text");
        }
        return value;
    }

    private static UUID commandId(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return StrictValues.uuid(value.strip());
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidHeader(name, "must be a UUID");
        }
    }
}
