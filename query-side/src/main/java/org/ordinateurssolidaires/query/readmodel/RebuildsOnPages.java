package org.ordinateurssolidaires.query.readmodel;

import org.ordinateurssolidaires.query.web.PageController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/**
 * The read models being rebuilt, for every page to say so: while one is, its lists are short and its figures low,
 * and a reader who is not told would take an emptied inventory for lost devices. Read from this query side's
 * processors, in memory, and for a read model it holds no segment of, from the claims of another's pass (looked up
 * at most once a second: {@link OnePassRebuild#elsewhere}).
 */
@ControllerAdvice(annotations = PageController.class)
class RebuildsOnPages {

    private final ReadModelRebuilds rebuilds;

    RebuildsOnPages(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ModelAttribute("rebuilding")
    List<ReadModelRebuilds.Status> rebuilding() {
        return rebuilds.rebuilding();
    }
}
