package org.ordinateurssolidaires.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;

/**
 * The API descriptions say what every operation answers when it refuses, as {@code application/problem+json} of one
 * schema ({@code Problem}): 400 for a value refused (each named in {@code errors}), 404 for what a path names and
 * does not exist, 406, 413 and 415 for what the request's headers or body ask, 412 for a change conditional on an
 * entity tag that does not match (only a device's version is one: {@link VersionChecked}), 429 where one caller
 * is answered one at a time, 503 while the database cannot be reached. An app adds its own (the command side its
 * 409); a refusal an operation names itself ({@code @ApiResponse(responseCode = "409", description = ...)}) is given
 * the schema.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOperationCustomizer")
public class OpenApiProblems implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    /** The 503 every operation may answer. */
    public static final String UNAVAILABLE = "the database cannot be reached just now: nothing was done; send it"
            + " again after Retry-After";

    /** A refusal's answer, described by the shared schema. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    /** Adds the answer unless the operation describes it already. */
    public static void describe(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, problem(description));
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(PROBLEM, new ObjectSchema()
                .description("RFC 9457 problem details, in English")
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().description("what was refused and why, in words"))
                .addProperty("instance", new StringSchema().description("the path asked"))
                .addProperty("rule", new StringSchema().description("the business rule refused (409), by name"))
                .addProperty("errors", new ArraySchema().description("each value refused (400): its field, "
                        + "parameter or header, and its rule").items(new MapSchema()
                        .additionalProperties(new StringSchema())))
                .addProperty("errorsNotListed", new IntegerSchema()
                        .description("how many more values were refused than are listed")));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        describe(operation, "400", "a value refused: each field, parameter or header named with its rule");
        if (operation.getParameters() != null
            && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            describe(operation, "404", "what the path names does not exist, or is not the caller's");
        }
        describe(operation, "406", "the Accept header takes none of the answer's types");
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        if (mapping != null && Arrays.stream(mapping.method())
                                     .anyMatch(method -> !ChangesCheckedFirst.READS.contains(method.name()))) {
            if (handler.hasMethodAnnotation(VersionChecked.class)) {
                describe(operation, "412", "the If-Match header names a version that is no longer the latest (a "
                        + "step was recorded since: the device's ETag names the latest), or no version at all; "
                        + "nothing was changed");
            } else {
                describe(operation, "412", "an If-Match header other than *: this operation takes no entity tag "
                        + "(a step on one device takes its version), so none matches; nothing was changed "
                        + "(ChangesCheckedFirst)");
            }
        } else if (!handler.hasMethodAnnotation(AnswersWithEntityTag.class)) {
            describe(operation, "412", "an If-Match header other than *: this answer has no entity tag (a device's "
                    + "view has one), so none matches (ChangesCheckedFirst)");
        }
        if (operation.getRequestBody() != null) {
            describe(operation, "413", "the body is larger than the operation takes");
            describe(operation, "415", "the body's Content-Type is none the operation takes");
        }
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), CostlyToAnswer.class)) {
            describe(operation, "429", "one such request of this caller's is being answered: send it again after "
                    + "Retry-After");
        }
        describe(operation, "503", UNAVAILABLE);
        // every refusal is a problem, those an operation names itself (@ApiResponse with its code and words) too,
        // which springdoc would describe with the operation's own answer
        operation.getResponses().forEach((status, answer) -> {
            if (status.matches("[45]\\d\\d")) {
                answer.setContent(problem(answer.getDescription()).getContent());
            }
        });
        return operation;
    }
}
