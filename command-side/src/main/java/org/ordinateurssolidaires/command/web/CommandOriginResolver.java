package org.ordinateurssolidaires.command.web;

import org.ordinateurssolidaires.events.AcceptableText;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.UUID;

/**
 * Lets a controller method take a {@link CommandOrigin} parameter: who sends the command is the signed-in
 * {@link Caller}, never what a header claims; the conversation comes from the headers. Their values go into the
 * metadata of every event the command records, so each is held to {@link AcceptableText#IDENTIFIER}.
 */
class CommandOriginResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CommandOrigin.class);
    }

    @Override
    public CommandOrigin resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                         NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Caller caller = Caller.current();
        return new CommandOrigin(caller.username(), caller.actingRole().code(),
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
