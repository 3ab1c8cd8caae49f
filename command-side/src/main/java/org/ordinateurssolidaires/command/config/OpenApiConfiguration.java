package org.ordinateurssolidaires.command.config;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.web.VersionChecked;
import org.ordinateurssolidaires.web.OpenApiProblems;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Documents the headers that {@link CommandOrigin} reads (who sends a command is the signed-in caller), instead of
 * showing it as a request parameter, and the 409 every command may answer.
 */
@Configuration
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandOrigin.class);
    }

    @Bean
    OperationCustomizer commandOriginHeaders() {
        return (operation, handlerMethod) -> {
            boolean takesOrigin = java.util.Arrays.stream(handlerMethod.getMethodParameters())
                                                  .anyMatch(p -> p.getParameterType().equals(CommandOrigin.class));
            if (takesOrigin) {
                operation.addParametersItem(header(CommandOrigin.COMMAND_ID_HEADER, false,
                                 "a UUID of the client's choice; the same command sent twice with it is recorded once,"
                                 + " another command or another account's with it is refused (409)"))
                         .addParametersItem(header(CommandOrigin.CORRELATION_HEADER, false,
                                 "the conversation this command belongs to, copied onto its events"));
                if (handlerMethod.hasMethodAnnotation(VersionChecked.class)) {
                    operation.addParametersItem(header(HttpHeaders.IF_MATCH, false, "the device's version as its"
                            + " view's ETag gives it (\"12\"): the step is recorded only if no other was since"
                            + " (412 otherwise); * for any"));
                }
                OpenApiProblems.describe(operation, "409", "a rule refused it (`rule` names it), another change came"
                        + " first, or its Idempotency-Key names another command: nothing was recorded");
            }
            return operation;
        };
    }

    private static HeaderParameter header(String name, boolean required, String description) {
        return (HeaderParameter) new HeaderParameter().name(name).required(required).description(description)
                                                      .schema(new StringSchema());
    }
}
