package org.ordinateurssolidaires.query.readmodel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds.Status;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** The read models of this query side, for admins: how far each has come, and the rebuild of one or all. */
@RestController
@RequestMapping("/api/read-models")
@Tag(name = "Read models", description = "each read model's progress through the store; rebuild one while the others "
        + "go on, or all of them at once")
class ReadModelController {

    private final ReadModelRebuilds rebuilds;

    ReadModelController(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Every read model: whether it runs, is being rebuilt, and how far it has come in the store")
    List<Status> all() {
        return rebuilds.all();
    }

    @GetMapping("/{name}")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "One read model (404 when there is no such read model)")
    Status of(@PathVariable String name) {
        return rebuilds.of(name);
    }

    @PostMapping("/rebuild")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Empty every read model and apply the whole store to all of them in one pass: answers 202 "
            + "once they are emptied; the store is applied to them in the background, their progress at the Location")
    @ApiResponse(responseCode = "202", description = "emptied; the store is now applied to them")
    @ApiResponse(responseCode = "409", description = "one of them is being rebuilt, or another query side holds some "
            + "of their segments (stop the other query sides first); nothing was emptied")
    @ApiResponse(responseCode = "503", description = "one could not be stopped in time (nothing was emptied), the "
            + "query side is stopping, or the database is out of reach")
    ResponseEntity<List<Status>> rebuildAll() {
        List<Status> started = rebuilds.rebuildAll();
        return ResponseEntity.accepted().location(URI.create("/api/read-models")).body(started);
    }

    @PostMapping("/{name}/rebuild")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Empty one read model and apply the whole store to it again, while the others go on: "
            + "answers 202 once it is emptied; the store is applied to it in the background, its progress at the "
            + "Location")
    @ApiResponse(responseCode = "202", description = "emptied; the store is now applied to it")
    @ApiResponse(responseCode = "404", description = "no read model of that name")
    @ApiResponse(responseCode = "409", description = "it is being rebuilt, or another query side holds some of its "
            + "segments (stop the other query sides first)")
    @ApiResponse(responseCode = "503", description = "it could not be stopped in time (nothing was emptied), the "
            + "query side is stopping, or the database is out of reach")
    ResponseEntity<Status> rebuild(@PathVariable String name) {
        Status started = rebuilds.rebuild(name);
        return ResponseEntity.accepted().location(URI.create("/api/read-models/" + started.name())).body(started);
    }
}
