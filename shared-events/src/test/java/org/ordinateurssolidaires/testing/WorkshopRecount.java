package org.ordinateurssolidaires.testing;

import java.util.List;

/**
 * The workshop's figures the query side keeps (WorkshopFigures), each beside the same figures counted afresh from
 * the inventory's devices in PostgreSQL's own terms, months in Europe/Paris: a second way to the same answer, for
 * tests that check the kept rows are those of the devices as they are.
 */
public final class WorkshopRecount {

    /** @param kept the kept table's rows; {@code counted} the same columns worked out from the devices */
    public record Figure(String table, String kept, String counted) {

        /** Rows one query has and the other lacks, both ways: none when the figure is right. */
        public String differences() {
            return "select count(*) from ((" + counted + " except " + kept + ") union all (" + kept + " except "
                    + counted + ")) different";
        }
    }

    private static final String MILESTONES = "(select received_at as reached_at, 'RECEIVED' as milestone, received_at"
            + " from inventory_device union all select sanitised_at, 'SANITISED', received_at from inventory_device"
            + " where sanitised_at is not null union all select ready_at, 'READY', received_at from inventory_device"
            + " where ready_at is not null union all select handed_over_at, 'HANDED_OVER', received_at"
            + " from inventory_device where handed_over_at is not null) reached";

    private static final String STEPS = "(" + String.join(" union all ",
            step("RECEIVED", "received_at", "SANITISED", "sanitised_at"),
            step("SANITISED", "sanitised_at", "READY", "ready_at"),
            step("READY", "ready_at", "HANDED_OVER", "handed_over_at"),
            step("RECEIVED", "received_at", "HANDED_OVER", "handed_over_at")) + ") steps";

    /**
     * The hours {@code h} as the histogram keeps them: as they are below 64, else rounded to their six leading bits,
     * the shift found from the number's binary digits.
     */
    private static final String KEPT_HOURS = "case when abs(h) < 64 then h else sign(h)::bigint * ((abs(h)"
            + " + (1::bigint << (length(ltrim(abs(h)::bit(64)::text, '0')) - 7))) >> (length(ltrim(abs(h)::bit(64)"
            + "::text, '0')) - 6) << (length(ltrim(abs(h)::bit(64)::text, '0')) - 6)) end";

    public static final List<Figure> FIGURES = List.of(
            new Figure("workshop_month", "select month_start, milestone, devices from workshop_month",
                    "select " + month("reached_at") + ", milestone, count(*) from " + MILESTONES + " group by 1, 2"),
            new Figure("workshop_cohort", "select received_month, milestone, devices from workshop_cohort",
                    "select " + month("received_at") + ", milestone, count(*) from " + MILESTONES + " group by 1, 2"),
            new Figure("workshop_lead_time",
                    "select month_start, from_milestone, to_milestone, hours, devices from workshop_lead_time",
                    "select " + month("ended_at") + ", from_milestone, to_milestone, " + KEPT_HOURS
                            + ", count(*) from (select *, round(extract(epoch from took) / 3600)::bigint as h from "
                            + STEPS + ") timed group by 1, 2, 3, 4"));

    private WorkshopRecount() {
    }

    private static String month(String column) {
        return "date_trunc('month', " + column + " at time zone 'Europe/Paris')::date";
    }

    private static String step(String from, String fromColumn, String to, String toColumn) {
        return "select " + toColumn + " as ended_at, '" + from + "' as from_milestone, '" + to + "' as to_milestone, "
                + toColumn + " - " + fromColumn + " as took from inventory_device where " + fromColumn
                + " is not null and " + toColumn + " is not null";
    }
}
