package org.ordinateurssolidaires.command.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The span every date and moment that comes in must fall within, whichever way it comes (JSON, a page's form, a
 * batch file's cell): the programme's own time. Before it, a typing slip or a spreadsheet's empty date read as
 * 1900 or year 1; after it, a year typed with too many digits (9999-12-31), which the pages would then list.
 */
public final class PlausibleTime {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");
    public static final LocalDate EARLIEST_DAY = LocalDate.ofInstant(EARLIEST, ZoneOffset.UTC);
    public static final LocalDate LATEST_DAY = LocalDate.ofInstant(LATEST, ZoneOffset.UTC);

    private PlausibleTime() {
    }
}
