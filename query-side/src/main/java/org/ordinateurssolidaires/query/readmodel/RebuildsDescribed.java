package org.ordinateurssolidaires.query.readmodel;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.ordinateurssolidaires.web.OpenApiProblems;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The API description of every read says its 503 as it may come: besides the database out of reach, a read model
 * the answer is drawn from being rebuilt (a list, figures or a report that would be short,
 * {@link ReadModelRebuilds#requireWhole}; a thing it does not hold yet, {@link ReadModelRebuilds#answerFor}).
 */
@Component
class RebuildsDescribed implements GlobalOperationCustomizer {

    static final String UNAVAILABLE = "the database cannot be reached just now, or a read model the answer is drawn"
            + " from is being rebuilt (the problem names it): nothing was done; send it again after Retry-After";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), GetMapping.class)) {
            // in place of the one every operation is given (OpenApiProblems), whichever comes first; not its own
            ApiResponse said = operation.getResponses() == null ? null : operation.getResponses().get("503");
            if (said != null && OpenApiProblems.UNAVAILABLE.equals(said.getDescription())) {
                said.setDescription(UNAVAILABLE);
            } else {
                OpenApiProblems.describe(operation, "503", UNAVAILABLE);
            }
        }
        return operation;
    }
}
