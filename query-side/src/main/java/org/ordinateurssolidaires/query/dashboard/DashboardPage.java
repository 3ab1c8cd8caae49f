package org.ordinateurssolidaires.query.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.InventoryQueries;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.CountDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceCounts;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.FetchWorkshopFlow;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.Flow;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.LeadTime;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.Milestone;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.MonthFlow;
import org.ordinateurssolidaires.query.readmodel.ReadModelChanges;
import org.ordinateurssolidaires.query.readmodel.ReadModelChanges.Version;
import org.ordinateurssolidaires.query.referral.WaitingList;
import org.ordinateurssolidaires.query.referral.WaitingList.CountWaiting;
import org.ordinateurssolidaires.query.referral.WaitingList.WaitingCounts;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Staff's dashboard: where the devices are now, this month's figures, the twelve months' flow through the
 * workshop, how long each step takes, and the ready stock against the households waiting. Every figure comes from
 * the read models (the inventory's milestones, the waiting list). Every member of staff's browser asks for the page
 * again every 15 s, mostly while nothing changed: the figures are kept until the processors of those read models
 * write again, which one statement tells ({@link ReadModelChanges}), instead of being asked for at each request
 * (six statements, the lead times' histogram the largest: docs/benchmarks.md, "The dashboard's figures kept until
 * the read models change").
 */
@PageController
class DashboardPage {

    /** The months the flow, the lead times and the funnel cover, this one included. */
    private static final int MONTHS = 12;
    /** The chart's bars are drawn this tall at most, in the SVG's units. */
    private static final int CHART_HEIGHT = 120;

    private final QueryGateway queries;
    private final ReadModelChanges changes;
    private final FiguresDrawnOnce figuresDrawn;
    private final Clock clock;
    private final AtomicReference<Kept> lastKept = new AtomicReference<>();

    @Autowired
    DashboardPage(QueryGateway queries, ReadModelChanges changes, FiguresDrawnOnce figuresDrawn,
                  @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this(queries, changes, figuresDrawn, Clock.system(zone));
    }

    DashboardPage(QueryGateway queries, ReadModelChanges changes, FiguresDrawnOnce figuresDrawn, Clock clock) {
        this.queries = queries;
        this.changes = changes;
        this.figuresDrawn = figuresDrawn;
        this.clock = clock;
    }

    @GetMapping("/tableau-de-bord")
    @PreAuthorize(Access.STAFF)
    String dashboard(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        Kept kept = asTheReadModelsStand(YearMonth.now(clock));
        Map<String, Object> shown = Map.of("counts", kept.counts(), "figures", kept.figures(),
                "refresh", model.getAttribute("refresh"));
        model.addAttribute("drawnFigures", figuresDrawn.html(shown, locale, request, response));
        return "dashboard/dashboard";
    }

    /** The figures of the twelve months up to {@code month}, as the read models stand. */
    private Kept asTheReadModelsStand(YearMonth month) {
        // read before the figures: a change landing in between is then seen at the next request
        Version readModels = changes.of(InventoryQueries.PROCESSING_GROUP, WaitingList.PROCESSING_GROUP);
        Kept last = lastKept.get();
        if (last != null && last.readModels().equals(readModels) && last.month().equals(month)) {
            return last;
        }
        CompletableFuture<DeviceCounts> counts = queries.query(new CountDevices(), DeviceCounts.class);
        CompletableFuture<Flow> flow = queries.query(new FetchWorkshopFlow(month.minusMonths(MONTHS - 1L), month),
                Flow.class);
        CompletableFuture<WaitingCounts> waiting = queries.query(new CountWaiting(), WaitingCounts.class);
        Kept now = new Kept(readModels, month, counts.join(), Figures.of(counts.join(), flow.join(), waiting.join()));
        lastKept.compareAndSet(last, now); // not over figures another request has just kept
        return now;
    }

    private record Kept(Version readModels, YearMonth month, DeviceCounts counts, Figures figures) {
    }

    /** What the template shows, already worked out. */
    public record Figures(long receivedThisMonth, long awaitingErasure, long allocated, long handedOverThisMonth,
                          List<Stock> stock, Map<EligibilityCriterion, Long> waitingByCriterion, long waiting,
                          List<FunnelStep> funnel, List<LeadTime> leadTimes, List<MonthBars> months) {

        static Figures of(DeviceCounts counts, Flow flow, WaitingCounts waiting) {
            MonthFlow thisMonth = flow.months().get(flow.months().size() - 1);
            List<Stock> stock = Arrays.stream(DeviceCategory.values())
                    .map(category -> new Stock(category, flow.readyStock().get(category),
                            waiting.byNeed().get(category)))
                    .toList();
            long received = flow.funnel().get(Milestone.RECEIVED);
            List<FunnelStep> funnel = Arrays.stream(Milestone.values())
                    .map(milestone -> new FunnelStep(milestone, flow.funnel().get(milestone),
                            received == 0 ? 0 : Math.round(100.0 * flow.funnel().get(milestone) / received)))
                    .toList();
            long highest = flow.months().stream()
                    .mapToLong(month -> Math.max(month.of(Milestone.RECEIVED), month.of(Milestone.HANDED_OVER)))
                    .max().orElse(0);
            List<MonthBars> months = new ArrayList<>();
            for (int i = 0; i < flow.months().size(); i++) {
                months.add(MonthBars.of(i, flow.months().get(i), highest));
            }
            return new Figures(thisMonth.of(Milestone.RECEIVED), counts.byState().get(DeviceState.AWAITING_SANITISATION),
                    counts.byState().get(DeviceState.ALLOCATED), thisMonth.of(Milestone.HANDED_OVER), stock,
                    waiting.byCriterion(), waiting.total(), funnel, flow.leadTimes(), months);
        }

        public int chartHeight() {
            return CHART_HEIGHT;
        }
    }

    /** @param shortfall the households waiting for this category beyond what the ready stock can serve */
    public record Stock(DeviceCategory category, long ready, long waiting) {

        public long shortfall() {
            return Math.max(0, waiting - ready);
        }
    }

    /** @param percent of the devices received in the period */
    public record FunnelStep(Milestone milestone, long devices, long percent) {
    }

    /** One month of the chart: devices received and handed over, and their bars' heights and place. */
    public record MonthBars(int index, Instant start, long received, long handedOver, int receivedHeight,
                            int handedOverHeight) {

        static MonthBars of(int index, MonthFlow month, long highest) {
            long received = month.of(Milestone.RECEIVED);
            long handedOver = month.of(Milestone.HANDED_OVER);
            return new MonthBars(index, month.start(), received, handedOver, height(received, highest),
                    height(handedOver, highest));
        }

        private static int height(long devices, long highest) {
            return highest == 0 ? 0 : (int) Math.round((double) CHART_HEIGHT * devices / highest);
        }
    }
}
