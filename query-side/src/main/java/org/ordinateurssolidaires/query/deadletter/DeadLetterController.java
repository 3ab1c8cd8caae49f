package org.ordinateurssolidaires.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.ordinateurssolidaires.query.deadletter.DeadLetters.GroupLetters;
import org.ordinateurssolidaires.query.deadletter.DeadLetters.RetryOutcome;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** What the projections could not apply, for staff to retry once the cause is fixed, or to give up on. */
@RestController
@RequestMapping("/api/dead-letters")
@Tag(name = "Dead letters", description = "events a read model could not apply, parked per aggregate; retry or evict")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "The parked events of every processing group: per aggregate, the event that failed, why, "
            + "and how many of its events wait behind it")
    List<GroupLetters> all() {
        return deadLetters.processingGroups().stream().map(deadLetters::of).toList();
    }

    @GetMapping("/{processingGroup}")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "The parked events of one processing group (404 when there is no such group)")
    GroupLetters of(@PathVariable String processingGroup) {
        return deadLetters.of(processingGroup);
    }

    @PostMapping("/{processingGroup}/retry")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Hand the parked sequences to the projection again, oldest first; answers how many were "
            + "applied and how many stay parked (a sequence that fails again is left as it was)")
    RetryOutcome retry(@PathVariable String processingGroup,
                       @Parameter(description = "only this sequence (an aggregate id); 404 when it is not parked")
                       @RequestParam Optional<@Size(min = 1, message = "must not be empty: leave it out for every "
                                                                 + "parked sequence") String> sequenceId) {
        return deadLetters.retry(processingGroup, sequenceId);
    }

    @DeleteMapping("/{processingGroup}/{sequenceId}")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Give up on a parked sequence: its events are removed from the queue and never applied "
            + "(404 when it is not parked)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void evict(@PathVariable String processingGroup, @PathVariable String sequenceId) {
        deadLetters.evict(processingGroup, sequenceId);
    }
}
