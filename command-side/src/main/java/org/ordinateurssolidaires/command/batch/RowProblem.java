package org.ordinateurssolidaires.command.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Arrays;
import java.util.List;

/**
 * One thing wrong in a batch file: in the API's words ({@code message}), and as a code with its arguments that the
 * pages say in the reader's language (the API's answer keeps its shape: row, column, message).
 *
 * @param row       the row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole
 * @param column    the CSV column, or the request parameter, at fault; empty for the row or the file as a whole
 * @param code      the kind of problem: a Bean Validation constraint's name ({@code Size}) or {@code batch.*}
 * @param arguments what the words of the code need (the values a column takes, a limit), as text
 */
public record RowProblem(int row, String column, String message, @JsonIgnore String code,
                         @JsonIgnore List<String> arguments) {

    public RowProblem {
        arguments = List.copyOf(arguments);
    }

    static RowProblem of(int row, String column, String code, String message, Object... arguments) {
        return new RowProblem(row, column, message, code, Arrays.stream(arguments).map(String::valueOf).toList());
    }
}
