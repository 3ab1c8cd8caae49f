package org.ordinateurssolidaires.query.inventory;

import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.inventory.InventoryCounts.Cell;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How devices flow through the workshop, from the milestones the inventory keeps on each device (when it was
 * received, first held no data, was ready, was handed over): each month's count of every milestone, how long each
 * step took, and how far the devices received got. Read from the inventory's table with its milestone indexes,
 * never from the event store.
 */
@Component
public class WorkshopFlow {

    /** The steps of a device's way through the programme, each the first time it was reached. */
    public enum Milestone {
        RECEIVED("received_at"), SANITISED("sanitised_at"), READY("ready_at"), HANDED_OVER("handed_over_at");

        private final String column;

        Milestone(String column) {
            this.column = column;
        }
    }

    /**
     * @param monthStarts the first instant of each month to count, oldest first, then the end of the last one (the
     *                    months are the reader's, in its time zone: the caller cuts them)
     */
    public record FetchWorkshopFlow(List<Instant> monthStarts) {

        public FetchWorkshopFlow {
            if (monthStarts.size() < 2) {
                throw new IllegalArgumentException("a period needs its start and its end");
            }
            monthStarts = List.copyOf(monthStarts);
        }

        Instant since() {
            return monthStarts.get(0);
        }

        Instant until() {
            return monthStarts.get(monthStarts.size() - 1);
        }
    }

    /**
     * @param months        one per month asked, oldest first: how many devices reached each milestone in it
     * @param leadTimes     each step's duration, for the devices that finished it within the period
     * @param funnel        of the devices received within the period, how many reached each milestone since
     * @param readyStock    the ready devices of each category, now
     */
    public record Flow(List<MonthFlow> months, List<LeadTime> leadTimes, Map<Milestone, Long> funnel,
                       Map<DeviceCategory, Long> readyStock) {
    }

    public record MonthFlow(Instant start, Map<Milestone, Long> reached) {

        public long of(Milestone milestone) {
            return reached.get(milestone);
        }
    }

    /** @param medianDays null when no device finished the step within the period; likewise ninetiethDays */
    public record LeadTime(Milestone from, Milestone to, long devices, Double medianDays, Double ninetiethDays) {
    }

    private static final List<Milestone[]> STEPS = List.of(
            new Milestone[]{Milestone.RECEIVED, Milestone.SANITISED},
            new Milestone[]{Milestone.SANITISED, Milestone.READY},
            new Milestone[]{Milestone.READY, Milestone.HANDED_OVER},
            new Milestone[]{Milestone.RECEIVED, Milestone.HANDED_OVER});
    private static final double SECONDS_A_DAY = 86_400;

    private final NamedParameterJdbcTemplate jdbc;
    private final InventoryCounts counts;

    WorkshopFlow(NamedParameterJdbcTemplate jdbc, InventoryCounts counts) {
        this.jdbc = jdbc;
        this.counts = counts;
    }

    @QueryHandler
    Flow handle(FetchWorkshopFlow query) {
        var period = new MapSqlParameterSource("since", utc(query.since())).addValue("until", utc(query.until()));
        return new Flow(months(query.monthStarts()), leadTimes(period), funnel(period), readyStock());
    }

    /** One statement per milestone, each month a conditional count over the period's rows of its index. */
    private List<MonthFlow> months(List<Instant> starts) {
        int months = starts.size() - 1;
        var bounds = new MapSqlParameterSource();
        IntStream.range(0, starts.size()).forEach(i -> bounds.addValue("b" + i, utc(starts.get(i))));
        Map<Milestone, long[]> counts = new EnumMap<>(Milestone.class);
        for (Milestone milestone : Milestone.values()) {
            String column = milestone.column;
            String perMonth = IntStream.range(0, months)
                    .mapToObj(i -> "count(case when %s >= :b%d and %s < :b%d then 1 end)".formatted(column, i, column, i + 1))
                    .collect(Collectors.joining(", "));
            counts.put(milestone, jdbc.queryForObject("select " + perMonth + " from inventory_device where "
                    + column + " >= :b0 and " + column + " < :b" + months, bounds, (row, n) -> {
                long[] month = new long[months];
                for (int i = 0; i < months; i++) {
                    month[i] = row.getLong(i + 1);
                }
                return month;
            }));
        }
        List<MonthFlow> flow = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            Map<Milestone, Long> reached = new EnumMap<>(Milestone.class);
            for (Milestone milestone : Milestone.values()) {
                reached.put(milestone, counts.get(milestone)[i]);
            }
            flow.add(new MonthFlow(starts.get(i), reached));
        }
        return flow;
    }

    /** The median and ninetieth percentile of each step, over the devices that finished it within the period. */
    private List<LeadTime> leadTimes(MapSqlParameterSource period) {
        List<LeadTime> times = new ArrayList<>();
        for (Milestone[] step : STEPS) {
            String from = step[0].column;
            String to = step[1].column;
            String duration = "extract(epoch from " + to + ") - extract(epoch from " + from + ")";
            times.add(jdbc.queryForObject("select count(*), percentile_cont(0.5) within group (order by " + duration
                    + "), percentile_cont(0.9) within group (order by " + duration + ") from inventory_device where "
                    + to + " >= :since and " + to + " < :until and " + from + " is not null", period,
                    (row, n) -> new LeadTime(step[0], step[1], row.getLong(1), days(row, 2), days(row, 3))));
        }
        return times;
    }

    private Map<Milestone, Long> funnel(MapSqlParameterSource period) {
        return jdbc.queryForObject("select count(*), count(sanitised_at), count(ready_at), count(handed_over_at)"
                + " from inventory_device where received_at >= :since and received_at < :until", period, (row, n) -> {
            Map<Milestone, Long> reached = new EnumMap<>(Milestone.class);
            for (Milestone milestone : Milestone.values()) {
                reached.put(milestone, row.getLong(milestone.ordinal() + 1));
            }
            return reached;
        });
    }

    private Map<DeviceCategory, Long> readyStock() {
        Map<Cell, Long> cells = counts.all();
        Map<DeviceCategory, Long> stock = new EnumMap<>(DeviceCategory.class);
        for (DeviceCategory category : DeviceCategory.values()) {
            stock.put(category, cells.getOrDefault(new Cell(DeviceState.READY, category), 0L));
        }
        return stock;
    }

    private static Double days(ResultSet row, int column) throws SQLException {
        Object seconds = row.getObject(column);
        return seconds == null ? null : ((Number) seconds).doubleValue() / SECONDS_A_DAY;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
