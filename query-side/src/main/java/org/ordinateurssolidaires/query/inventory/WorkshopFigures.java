package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.query.inventory.WorkshopFlow.Milestone;
import org.ordinateurssolidaires.query.readmodel.KeptCounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The workshop's flow kept as the devices reach their milestones, so that the dashboard reads a year's figures from
 * a few thousand rows instead of going over a year of devices at each request (two seconds at a million devices,
 * docs/benchmarks.md). Three tables, months cut in the programme's time zone:
 * <ul>
 *     <li>{@code workshop_month}: the devices that first reached each milestone in each month;</li>
 *     <li>{@code workshop_cohort}: of the devices received in each month, those that have reached each milestone;</li>
 *     <li>{@code workshop_lead_time}: each step's durations ({@link #kept}), by the month the step ended — the
 *     histogram the medians are read from.</li>
 * </ul>
 * A device's milestones are set once, but its part in the figures is taken as a whole before and after each change,
 * so whatever changes, the figures stay those of the devices as they are.
 */
@Component
class WorkshopFigures {

    /** When a device first reached each milestone, null where it has not yet. */
    record Milestones(Instant received, Instant sanitised, Instant ready, Instant handedOver) {

        Instant at(Milestone milestone) {
            return switch (milestone) {
                case RECEIVED -> received;
                case SANITISED -> sanitised;
                case READY -> ready;
                case HANDED_OVER -> handedOver;
            };
        }
    }

    /** A milestone in a month: the month it was reached, or for a cohort the month its devices were received. */
    record Reached(LocalDate month, Milestone milestone) {
        static final Comparator<Reached> ORDER = Comparator.comparing(Reached::month)
                                                           .thenComparing(Reached::milestone);
    }

    /** A step of some hours that ended in a month. */
    record Step(LocalDate month, Milestone from, Milestone to, long hours) {
        static final Comparator<Step> ORDER = Comparator.comparing(Step::month).thenComparing(Step::from)
                                                        .thenComparing(Step::to).thenComparingLong(Step::hours);
    }

    /** The steps timed: each one of the programme, and the whole way from reception to the household. */
    static final List<Milestone[]> STEPS = List.of(
            new Milestone[]{Milestone.RECEIVED, Milestone.SANITISED},
            new Milestone[]{Milestone.SANITISED, Milestone.READY},
            new Milestone[]{Milestone.READY, Milestone.HANDED_OVER},
            new Milestone[]{Milestone.RECEIVED, Milestone.HANDED_OVER});

    private static final BigDecimal SECONDS_AN_HOUR = BigDecimal.valueOf(Duration.ofHours(1).toSeconds());
    private static final int SIGNIFICANT_BITS = 6;

    private final ZoneId zone;
    private final KeptCounts<Reached> months;
    private final KeptCounts<Reached> cohorts;
    private final KeptCounts<Step> steps;

    WorkshopFigures(JdbcTemplate jdbc, @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
        months = new KeptCounts<>(jdbc, "workshop_month", List.of("month_start", "milestone"), "devices", Reached.ORDER,
                reached -> List.of(Date.valueOf(reached.month()), reached.milestone().name()));
        cohorts = new KeptCounts<>(jdbc, "workshop_cohort", List.of("received_month", "milestone"), "devices",
                Reached.ORDER, reached -> List.of(Date.valueOf(reached.month()), reached.milestone().name()));
        steps = new KeptCounts<>(jdbc, "workshop_lead_time", List.of("month_start", "from_milestone", "to_milestone",
                "hours"), "devices", Step.ORDER, step -> List.of(Date.valueOf(step.month()), step.from().name(),
                step.to().name(), step.hours()));
    }

    /** A device's milestones changed: {@code before} is null for a device just received. */
    void changed(Milestones before, Milestones after) {
        if (after.equals(before)) {
            return;
        }
        Parts change = new Parts();
        change.add(after, 1);
        if (before != null) {
            change.add(before, -1);
        }
        write(change);
    }

    /** Every device's part, summed: the figures of the devices an installation had before they were kept. */
    void count(Stream<Milestones> devices) {
        Parts all = new Parts();
        devices.forEach(device -> all.add(device, 1));
        write(all);
    }

    private void write(Parts parts) {
        parts.months.forEach(months::add);
        parts.cohorts.forEach(cohorts::add);
        parts.steps.forEach(steps::add);
    }

    /** A replay starts from no device. */
    void reset() {
        months.reset();
        cohorts.reset();
        steps.reset();
    }

    /**
     * The step's time to the nearest hour, a half away from zero as PostgreSQL's {@code round}: a step recorded
     * before its start (an erasure dated before the reception) takes a negative time, and keeps it.
     */
    static long hours(Duration took) {
        return BigDecimal.valueOf(took.getSeconds()).add(BigDecimal.valueOf(took.getNano(), 9))
                         .divide(SECONDS_AN_HOUR, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * A duration as the histogram keeps it: to the hour below 64 hours, beyond that rounded to its six leading bits
     * (within 1.6 %: 4 hours at 20 days). A step's month then has 64 rows, and 32 more for each doubling of its
     * longest duration, whatever the number of devices: four times fewer than whole hours on the benchmark's devices
     * (docs/benchmarks.md), for a figure the dashboard shows to a tenth of a day.
     */
    static long kept(long hours) {
        long length = Math.abs(hours);
        int shift = 64 - Long.numberOfLeadingZeros(length) - SIGNIFICANT_BITS;
        if (shift <= 0) {
            return hours;
        }
        return Long.signum(hours) * ((length + (1L << (shift - 1))) >> shift << shift);
    }

    /** The first day of the month the instant falls in, in the programme's time zone. */
    LocalDate monthOf(Instant instant) {
        return instant.atZone(zone).toLocalDate().withDayOfMonth(1);
    }

    /** What devices add to each table. */
    private final class Parts {
        final Map<Reached, Long> months = new TreeMap<>(Reached.ORDER);
        final Map<Reached, Long> cohorts = new TreeMap<>(Reached.ORDER);
        final Map<Step, Long> steps = new TreeMap<>(Step.ORDER);

        void add(Milestones device, long sign) {
            LocalDate receivedIn = monthOf(device.received());
            for (Milestone milestone : Milestone.values()) {
                Instant at = device.at(milestone);
                if (at != null) {
                    months.merge(new Reached(monthOf(at), milestone), sign, Long::sum);
                    cohorts.merge(new Reached(receivedIn, milestone), sign, Long::sum);
                }
            }
            for (Milestone[] step : STEPS) {
                Instant from = device.at(step[0]);
                Instant to = device.at(step[1]);
                if (from != null && to != null) {
                    steps.merge(new Step(monthOf(to), step[0], step[1], kept(hours(Duration.between(from, to)))),
                            sign, Long::sum);
                }
            }
        }
    }
}
