package org.ordinateurssolidaires.command.web;

import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.UUID;

/**
 * Lets a controller method take a {@link CommandOrigin} parameter, read and checked from the headers. Their values
 * go into the metadata of every event the command records, so each is held to {@link AcceptableText#IDENTIFIER}.
 */
class CommandOriginResolver implements HandlerMethodArgumentResolver {

    private static final String DEFAULT_ROLE = "staff";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CommandOrigin.class);
    }

    @Override
    public CommandOrigin resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                         NativeWebRequest request, WebDataBinderFactory binderFactory)
            throws MissingRequestHeaderException {
        String user = header(request, CommandOrigin.USER_HEADER);
        if (user == null || user.isBlank()) {
            throw new MissingRequestHeaderException(CommandOrigin.USER_HEADER, parameter);
        }
        String role = header(request, CommandOrigin.ROLE_HEADER);
        return new CommandOrigin(user.strip(), role == null || role.isBlank() ? DEFAULT_ROLE : role.strip(),
                commandId(header(request, CommandOrigin.COMMAND_ID_HEADER)),
                header(request, CommandOrigin.CORRELATION_HEADER));
    }

    private static String header(NativeWebRequest request, String name) {
        String value = request.getHeader(name);
        AcceptableText.IDENTIFIER.problem(value).ifPresent(problem -> {
            throw new InvalidHeader(name, problem);
        });
        return value;
    }

    private static UUID commandId(String header) {
        if (header == null) {
            return null;
        }
        try {
            return UUID.fromString(header.strip());
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidHeader(CommandOrigin.COMMAND_ID_HEADER, "must be a UUID");
        }
    }
}
