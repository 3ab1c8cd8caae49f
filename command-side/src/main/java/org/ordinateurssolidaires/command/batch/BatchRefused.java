package org.ordinateurssolidaires.command.batch;

import java.util.List;

/** A batch file with at least one bad row: refused as a whole, nothing recorded. Answered as HTTP 400. */
public class BatchRefused extends RuntimeException {

    private final transient List<RowProblem> problems;

    BatchRefused(List<RowProblem> problems) {
        super(problems.size() + " problem(s) in the batch file; nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
