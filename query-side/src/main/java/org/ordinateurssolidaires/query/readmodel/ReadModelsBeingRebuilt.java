package org.ordinateurssolidaires.query.readmodel;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sealed document asked while a read model it is drawn from is being rebuilt: drawn now, it would hold part of
 * the store and verify as genuine all the same. 503, to ask again once the rebuild is done.
 */
public class ReadModelsBeingRebuilt extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "30";

    ReadModelsBeingRebuilt(List<ReadModelRebuilds.Status> rebuilding) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "read model(s) " + rebuilding.stream().map(status -> status.name() + " (" + status.percent() + " %)")
                        .collect(Collectors.joining(", ")) + " being rebuilt: a document drawn from them now would"
                        + " be incomplete; ask again once they are done (GET /api/read-models)"), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
