package org.ordinateurssolidaires.query.readmodel;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What cannot be answered while read models are being rebuilt, 503 to ask again once they are done: a sealed
 * document drawn from them (it would hold part of the store and verify as genuine all the same), a list, figures or
 * a file (short, and taken as whole by a program), or a thing they do not hold yet ({@link NotInTheReadModels}).
 */
public class ReadModelsBeingRebuilt extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "30";

    ReadModelsBeingRebuilt(List<ReadModelRebuilds.Status> rebuilding, String why) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "read model(s) " + rebuilding.stream().map(status -> status.name() + " (" + status.percent() + " %)")
                        .collect(Collectors.joining(", ")) + " being rebuilt: " + why + "; ask again in a moment"),
                null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
}
