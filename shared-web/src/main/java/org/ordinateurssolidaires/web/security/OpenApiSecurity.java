package org.ordinateurssolidaires.web.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API descriptions say how to sign in and who may call each operation, from the operation's own
 * {@link Access} rule: HTTP Basic (or a bearer token, where a provider is configured) on every operation but the
 * public ones ({@code security: []}), the roles in words, and the 401 and 403 answers.
 */
class OpenApiSecurity implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    private static final String BASIC = "basic";
    private static final String BEARER = "bearer";
    private static final Pattern ROLE = Pattern.compile("'([A-Z]+)'");

    private final boolean bearerAccepted;

    /** @param bearerAccepted whether the API takes an OpenID Connect provider's tokens, beside HTTP Basic */
    OpenApiSecurity(boolean bearerAccepted) {
        this.bearerAccepted = bearerAccepted;
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("a local account's username and password (docs/security.md)"));
        if (bearerAccepted) {
            api.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("a token of the programme's OpenID Connect provider (docs/security.md)"));
        }
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            return operation;
        }
        if (rule.value().equals(Access.ANYONE)) {
            operation.setSecurity(List.of());
            return operation;
        }
        operation.setSecurity(bearerAccepted
                ? List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER))
                : List.of(new SecurityRequirement().addList(BASIC)));
        operation.setDescription(joined(operation.getDescription(), "Who may call it: " + roles(rule.value()) + "."));
        operation.getResponses()
                 .addApiResponse("401", new ApiResponse().description("not signed in, or a wrong username or password"))
                 .addApiResponse("403", new ApiResponse().description("the account's roles may not call it"));
        return operation;
    }

    private static String roles(String expression) {
        Matcher roles = ROLE.matcher(expression);
        List<String> named = roles.results().map(match -> match.group(1).toLowerCase(Locale.ROOT)).toList();
        return named.isEmpty() ? expression : String.join(", ", named);
    }

    private static String joined(String description, String sentence) {
        return Arrays.stream(new String[]{description, sentence}).filter(part -> part != null && !part.isBlank())
                     .collect(Collectors.joining("\n\n"));
    }
}
