package org.ordinateurssolidaires.query.inventory;

import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.inventory.InventoryCounts.Cell;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How devices flow through the workshop, from the milestones the inventory keeps on each device (when it was
 * received, first held no data, was ready, was handed over): each month's count of every milestone, how long each
 * step took, and how far the devices received got. Read from the figures kept as the devices change
 * ({@link WorkshopFigures}), never from the devices themselves nor the event store.
 */
@Component
public class WorkshopFlow {

    /** The steps of a device's way through the programme, each the first time it was reached. */
    public enum Milestone {
        RECEIVED, SANITISED, READY, HANDED_OVER
    }

    /** The months from {@code first} to {@code last}, both counted, in the programme's time zone. */
    public record FetchWorkshopFlow(YearMonth first, YearMonth last) {

        public FetchWorkshopFlow {
            Objects.requireNonNull(first, "a period needs its first month");
            Objects.requireNonNull(last, "a period needs its last month");
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("the period's last month " + last + " is before its first " + first);
            }
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

    /** @param start the first instant of the month */
    public record MonthFlow(Instant start, Map<Milestone, Long> reached) {

        public long of(Milestone milestone) {
            return reached.get(milestone);
        }
    }

    /**
     * The median and ninetieth percentile (interpolated, as PostgreSQL's {@code percentile_cont}) of the durations
     * as the histogram keeps them (to the hour below 64 hours, within 1.6 % beyond: {@code WorkshopFigures.kept}).
     *
     * @param medianDays null when no device finished the step within the period; likewise ninetiethDays
     */
    public record LeadTime(Milestone from, Milestone to, long devices, Double medianDays, Double ninetiethDays) {
    }

    private static final double HOURS_A_DAY = 24;

    private final JdbcTemplate jdbc;
    private final InventoryCounts counts;
    private final ZoneId zone;

    WorkshopFlow(JdbcTemplate jdbc, InventoryCounts counts,
                 @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.zone = zone;
    }

    @QueryHandler
    Flow handle(FetchWorkshopFlow query) {
        Date first = Date.valueOf(query.first().atDay(1));
        Date last = Date.valueOf(query.last().atDay(1));
        return new Flow(months(query, first, last), leadTimes(first, last), funnel(first, last), readyStock());
    }

    private List<MonthFlow> months(FetchWorkshopFlow query, Date first, Date last) {
        Map<YearMonth, Map<Milestone, Long>> reached = new TreeMap<>();
        for (YearMonth month = query.first(); !month.isAfter(query.last()); month = month.plusMonths(1)) {
            reached.put(month, InventoryProjection.noneOfEach(Milestone.class));
        }
        jdbc.query("select month_start, milestone, devices from workshop_month"
                + " where month_start >= ? and month_start <= ?", row -> {
            reached.get(YearMonth.from(row.getDate(1).toLocalDate()))
                   .put(Milestone.valueOf(row.getString(2)), row.getLong(3));
        }, first, last);
        return reached.entrySet().stream()
                      .map(month -> new MonthFlow(month.getKey().atDay(1).atStartOfDay(zone).toInstant(),
                              month.getValue()))
                      .toList();
    }

    /** Each step's histogram over the period, hours in order, read into its percentiles. */
    private List<LeadTime> leadTimes(Date first, Date last) {
        Map<String, SortedMap<Long, Long>> histograms = new HashMap<>();
        jdbc.query("select from_milestone, to_milestone, hours, sum(devices) from workshop_lead_time"
                + " where month_start >= ? and month_start <= ? group by from_milestone, to_milestone, hours", row -> {
            histograms.computeIfAbsent(row.getString(1) + ">" + row.getString(2), step -> new TreeMap<>())
                      .put(row.getLong(3), row.getLong(4));
        }, first, last);
        List<LeadTime> times = new ArrayList<>();
        for (Milestone[] step : WorkshopFigures.STEPS) {
            var durations = new Durations(histograms.getOrDefault(step[0] + ">" + step[1], new TreeMap<>()));
            times.add(new LeadTime(step[0], step[1], durations.count(), durations.days(0.5), durations.days(0.9)));
        }
        return times;
    }

    private Map<Milestone, Long> funnel(Date first, Date last) {
        Map<Milestone, Long> reached = InventoryProjection.noneOfEach(Milestone.class);
        jdbc.query("select milestone, sum(devices) from workshop_cohort where received_month >= ?"
                + " and received_month <= ? group by milestone", row -> {
            reached.put(Milestone.valueOf(row.getString(1)), row.getLong(2));
        }, first, last);
        return reached;
    }

    private Map<DeviceCategory, Long> readyStock() {
        Map<Cell, Long> cells = counts.all();
        Map<DeviceCategory, Long> stock = new EnumMap<>(DeviceCategory.class);
        for (DeviceCategory category : DeviceCategory.values()) {
            stock.put(category, cells.getOrDefault(new Cell(DeviceState.READY, category), 0L));
        }
        return stock;
    }

    /** Durations in hours, as how many devices took each. */
    record Durations(SortedMap<Long, Long> devicesByHours) {

        long count() {
            return devicesByHours.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The fraction's percentile in days, interpolated between the two durations around it; null for none. */
        Double days(double fraction) {
            long count = count();
            if (count == 0) {
                return null;
            }
            double position = fraction * (count - 1);
            long below = (long) Math.floor(position);
            double lower = hoursAt(below);
            double upper = hoursAt(Math.min(below + 1, count - 1));
            return (lower + (position - below) * (upper - lower)) / HOURS_A_DAY;
        }

        /** The duration of the device at this place, the devices in order of duration counting from 0. */
        private long hoursAt(long place) {
            long seen = 0;
            for (var hours : devicesByHours.entrySet()) {
                seen += hours.getValue();
                if (place < seen) {
                    return hours.getKey();
                }
            }
            throw new IllegalArgumentException("no device at place " + place + " of " + seen);
        }
    }
}
