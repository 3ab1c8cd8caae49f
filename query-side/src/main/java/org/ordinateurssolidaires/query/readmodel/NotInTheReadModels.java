package org.ordinateurssolidaires.query.readmodel;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A thing asked for (a donor, a device, a referral) that the read models do not hold: 404, unless one of them is
 * being rebuilt, when it may be there once the rebuild reaches it, and the answer is a 503 to ask again
 * ({@link ReadModelsBeingRebuilt}, turned so by the pages' and the API's advice): a donor opening its home page
 * during a rebuild was told it did not exist.
 */
public class NotInTheReadModels extends ResponseStatusException {

    public NotInTheReadModels(String reason) {
        super(HttpStatus.NOT_FOUND, reason);
    }
}
