package org.ordinateurssolidaires.query.dashboard;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.CountDevices;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceCounts;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.FetchWorkshopFlow;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.Flow;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.Milestone;
import org.ordinateurssolidaires.query.inventory.WorkshopFlow.MonthFlow;
import org.ordinateurssolidaires.query.readmodel.ReadModelChanges;
import org.ordinateurssolidaires.query.readmodel.ReadModelChanges.Version;
import org.ordinateurssolidaires.query.referral.WaitingList.CountWaiting;
import org.ordinateurssolidaires.query.referral.WaitingList.WaitingCounts;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The dashboard's figures are asked for again only once the read models' version or the month has changed. */
class DashboardPageTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final ReadModelChanges changes = mock(ReadModelChanges.class);
    private final FiguresDrawnOnce drawn = mock(FiguresDrawnOnce.class);
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final DashboardPage page = new DashboardPage(queries, changes, drawn, clock);
    /** The devices each request's figures count, as the template was given them. */
    private final List<Long> shown = new ArrayList<>();
    /** The devices the read models hold now. */
    private long devices;

    @BeforeEach
    void readModels() throws Exception {
        when(queries.query(any(CountDevices.class), eq(DeviceCounts.class))).thenAnswer(asked ->
                CompletableFuture.completedFuture(new DeviceCounts(devices, each(DeviceState.class, devices),
                        each(DeviceCategory.class, devices))));
        when(queries.query(any(FetchWorkshopFlow.class), eq(Flow.class))).thenAnswer(asked ->
                CompletableFuture.completedFuture(new Flow(List.of(new MonthFlow(Instant.EPOCH,
                        each(Milestone.class, devices))), List.of(), each(Milestone.class, devices),
                        each(DeviceCategory.class, devices))));
        when(queries.query(any(CountWaiting.class), eq(WaitingCounts.class))).thenReturn(
                CompletableFuture.completedFuture(new WaitingCounts(0, each(EligibilityCriterion.class, 0),
                        each(DeviceCategory.class, 0))));
        when(drawn.html(anyMap(), any(), any(), any())).thenAnswer(asked -> {
            Map<String, Object> model = asked.getArgument(0);
            shown.add(((DeviceCounts) model.get("counts")).total());
            return "<div></div>";
        });
    }

    @Test
    void keepsTheFiguresWhileTheReadModelsStayAsTheyWere() throws Exception {
        version("A");
        devices = 1;
        open();
        devices = 2; // not yet written by the processors: the version says the same
        open();

        version("B");
        open();
        open();

        assertThat(shown).containsExactly(1L, 1L, 2L, 2L);
    }

    @Test
    void asksForTheNewMonthsFiguresWhateverTheVersion() throws Exception {
        version("A");
        devices = 1;
        open();
        devices = 2;
        clock.now = Instant.parse("2026-12-01T00:00:00Z"); // midnight in Paris was an hour ago

        open();

        assertThat(shown).containsExactly(1L, 2L);
    }

    private void version(String version) {
        when(changes.of(any(String[].class))).thenReturn(new Version(List.of(version)));
    }

    private void open() throws Exception {
        ExtendedModelMap model = new ExtendedModelMap();
        model.addAttribute("refresh", "every 15s"); // as every page's model has it
        page.dashboard(model, Locale.FRENCH, new MockHttpServletRequest(), new MockHttpServletResponse());
    }

    private static <E extends Enum<E>> Map<E, Long> each(Class<E> type, long count) {
        Map<E, Long> counts = new EnumMap<>(type);
        Arrays.stream(type.getEnumConstants()).forEach(key -> counts.put(key, count));
        return counts;
    }

    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Paris");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
