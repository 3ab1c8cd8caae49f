package org.ordinateurssolidaires.command.batch;

import org.ordinateurssolidaires.web.ProblemDetailsBase;

import java.util.List;

/**
 * A batch file with at least one bad row: refused as a whole, nothing recorded. Answered as HTTP 400 (413 for a file
 * too large to be a batch) with its first
 * {@link #LISTED} problems, as the API lists a body's errors, and how many more: a file of 5,000 rows bad in every
 * cell had 125,000, 15 MB of answer, which a page kept in the browser's session until the database gave out.
 */
public class BatchRefused extends RuntimeException {

    static final int LISTED = ProblemDetailsBase.ERRORS_LISTED;

    private final transient List<RowProblem> problems;
    private final int notListed;
    private final boolean tooLarge;

    BatchRefused(List<RowProblem> problems) {
        this(problems, false);
    }

    private BatchRefused(List<RowProblem> problems, boolean tooLarge) {
        super(problems.size() + " problem(s) in the batch file; nothing was imported"
              + (problems.size() > LISTED ? "; the first " + LISTED + " are listed" : ""));
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), LISTED)));
        this.notListed = problems.size() - this.problems.size();
        this.tooLarge = tooLarge;
    }

    /** A file larger than any batch, not read further: HTTP's 413, as for any body too large. */
    static BatchRefused tooLarge(RowProblem problem) {
        return new BatchRefused(List.of(problem), true);
    }

    /** Whether the file was refused for its size alone. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** The first problems, by row. */
    public List<RowProblem> problems() {
        return problems;
    }

    /** How many problems there were beyond those listed. */
    public int notListed() {
        return notListed;
    }
}
