package org.ordinateurssolidaires.command.batch;

/**
 * One thing wrong in a batch file.
 *
 * @param row    the row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole
 * @param column the CSV column, or the request parameter, at fault
 */
public record RowProblem(int row, String column, String message) {
}
