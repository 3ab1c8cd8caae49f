package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When a rebuild is refused, and how a read model's progress reads; {@code ReadModelRebuildIT} rebuilds one for real.
 */
class ReadModelRebuildsTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final StreamingEventProcessor inventory = mock(StreamingEventProcessor.class);
    private final ApplicationContext application = mock(ApplicationContext.class);
    private final OnePassRebuild onePass = mock(OnePassRebuild.class);
    /** Whether the database answered at its last check. */
    private final AtomicBoolean databaseAnswers = new AtomicBoolean(true);
    private final ReadModelRebuilds rebuilds = new ReadModelRebuilds(processing, application, onePass,
            databaseAnswers::get, Duration.ofMillis(50));

    ReadModelRebuildsTest() {
        when(processing.eventProcessor("inventory", StreamingEventProcessor.class))
                .thenReturn(Optional.of(inventory));
        when(inventory.getName()).thenReturn("inventory");
        when(inventory.isRunning()).thenReturn(true);
        when(inventory.shutdownAsync()).thenReturn(CompletableFuture.completedFuture(null));
    }

    @Test
    void aRebuildStopsTheReadModelHandsItToAPassAndStartsItAgain() {
        segments(Map.of(0, caughtUp(120)));

        rebuilds.rebuild("inventory");

        var order = inOrder(inventory, onePass);
        order.verify(inventory).shutdownAsync();
        order.verify(onePass).rebuild(List.of(inventory));
        order.verify(inventory).start();
    }

    @Test
    void onceTheQuerySideIsClosingNoRebuildStopsOrStartsAnything() {
        segments(Map.of(0, caughtUp(120)));
        rebuilds.closing(new ContextClosedEvent(mock(ApplicationContext.class)));
        rebuilds.rebuild("inventory");
        verify(inventory).shutdownAsync(); // another context's closing (a child's) is not this query side's

        rebuilds.closing(new ContextClosedEvent(application));

        assertThatThrownBy(() -> rebuilds.rebuild("inventory")).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        verify(inventory).shutdownAsync();
        verify(inventory).start();
    }

    @Test
    void aReadModelBeingRebuiltIsNotRebuiltAgain() {
        segments(Map.of(0, replaying(10, 1_000)));

        assertThatThrownBy(() -> rebuilds.rebuild("inventory")).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        verify(inventory, never()).shutdownAsync();
    }

    /**
     * The database gone as the pass began (DatabaseOutageIT's query side, just started, in its pass of the new read
     * models): the processor, stopped for it, cannot be started either, and was left stopped for good.
     */
    @Test
    void aReadModelThatCouldNotBeStartedAgainIsStartedOnceTheDatabaseAnswers() {
        segments(Map.of());
        AtomicBoolean running = stoppedUntilStarted();
        databaseAnswers.set(false);
        doThrow(new CannotCreateTransactionException("out of reach")).when(onePass).rebuild(List.of(inventory));
        doThrow(new CannotCreateTransactionException("out of reach"))
                .doThrow(new CannotCreateTransactionException("out of reach again, as the database came back"))
                .doAnswer(started -> {
                    running.set(true);
                    return null;
                }).when(inventory).start();

        assertThatThrownBy(() -> rebuilds.rebuild("inventory")).isInstanceOf(CannotCreateTransactionException.class);

        verify(inventory, after(500).times(1)).start(); // not tried while the database does not answer
        databaseAnswers.set(true);
        verify(inventory, timeout(5_000).times(3)).start();
        assertThat(running).isTrue();
        verify(inventory, after(500).times(3)).start(); // and no more once started
    }

    @Test
    void aReadModelIsNoLongerStartedAgainOnceTheQuerySideIsClosing() {
        segments(Map.of());
        stoppedUntilStarted();
        AtomicInteger starts = new AtomicInteger();
        doAnswer(start -> {
            starts.incrementAndGet();
            throw new CannotCreateTransactionException("out of reach");
        }).when(inventory).start();

        rebuilds.rebuild("inventory");
        verify(inventory, timeout(5_000).atLeast(3)).start();
        rebuilds.closing(new ContextClosedEvent(application)); // waits for a start under way: same lock

        verify(inventory, after(500).times(starts.get())).start();
    }

    @Test
    void aReadModelThatCannotBeStoppedIsNotEmptiedAndGoesOnOnceStopped() {
        segments(Map.of());
        when(inventory.shutdownAsync()).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("busy")));

        assertThatThrownBy(() -> rebuilds.rebuild("inventory")).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        verify(onePass, never()).rebuild(any());
        verify(inventory).start();
    }

    @Test
    void segmentsHeldByAnotherQuerySideRefuseTheRebuildAndTheReadModelGoesOn() {
        segments(Map.of());
        doThrow(new UnableToClaimTokenException("held")).when(onePass).rebuild(List.of(inventory));

        assertThatThrownBy(() -> rebuilds.rebuild("inventory")).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        verify(inventory).start();
    }

    @Test
    void noSuchReadModelIsNotFound() {
        assertThatThrownBy(() -> rebuilds.rebuild("no-such")).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThatThrownBy(() -> rebuilds.of("no-such")).isInstanceOf(ResponseStatusException.class);
    }

    @Test
    void progressIsTheSlowestSegmentsPositionOfTheStoreAsItWasWhenTheRebuildBegan() {
        segments(Map.of(0, replaying(400, 1_000), 1, replaying(250, 1_000)));

        ReadModelRebuilds.Status status = rebuilds.of("inventory");

        assertThat(status.rebuilding()).isTrue();
        assertThat(status.segments()).isEqualTo(2);
        assertThat(status.position()).isEqualTo(250);
        assertThat(status.rebuildingUpTo()).isEqualTo(1_000);
        assertThat(status.percent()).isEqualTo(25);
    }

    @Test
    void aReadModelThatHasReachedTheStoresEndAsItWasAtTheResetIsNoLongerRebuilding() {
        // Axon still calls it replaying until it takes in an event stored since
        segments(Map.of(0, replaying(1_000, 1_000), 1, replaying(1_000, 1_000)));

        ReadModelRebuilds.Status status = rebuilds.of("inventory");

        assertThat(status.rebuilding()).isFalse();
        assertThat(status.percent()).isNull();
    }

    @Test
    void aReadModelInAPassIsRebuildingAsFarAsThePassHasCome() {
        segments(Map.of()); // the pass holds its segments, not its processor
        when(onePass.progress("inventory")).thenReturn(Optional.of(OnePassRebuild.Progress.along(4, 300, 1_200)));

        ReadModelRebuilds.Status status = rebuilds.of("inventory");

        assertThat(status.rebuilding()).isTrue();
        assertThat(status.segments()).isEqualTo(4);
        assertThat(status.position()).isEqualTo(300);
        assertThat(status.rebuildingUpTo()).isEqualTo(1_200);
        assertThat(status.percent()).isEqualTo(25);
        assertThatThrownBy(() -> rebuilds.rebuild("inventory")).isInstanceOfSatisfying(ResponseStatusException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void newReadModelsAreTakenIntoAPassThoughTheirProcessorsReplayFromTheirFirstToken() {
        // a processor's first token is a replay up to the end of the store as it started
        segments(Map.of(0, replaying(100, 12_000)));
        when(onePass.hasSegments("inventory")).thenReturn(true);

        rebuilds.rebuildNew(List.of("inventory"));

        var order = inOrder(inventory, onePass);
        order.verify(inventory).shutdownAsync();
        order.verify(onePass).rebuild(List.of(inventory));
        order.verify(inventory).start();
    }

    /** Its processor makes them at its first start, unless they were made for the pass before it started. */
    @Test
    void aNewReadModelIsTakenIntoThePassOnceItHasSegments() {
        when(onePass.hasSegments("inventory")).thenReturn(false, false, true);

        rebuilds.rebuildNew(List.of("inventory"));

        verify(onePass, times(3)).hasSegments("inventory");
        verify(onePass).rebuild(List.of(inventory));
    }

    @Test
    void aNewReadModelAlreadyInAPassIsNotTakenIntoAnother() {
        segments(Map.of());
        when(onePass.inPass("inventory")).thenReturn(true);

        rebuilds.rebuildNew(List.of("inventory"));

        verify(inventory, never()).shutdownAsync();
        verify(onePass, never()).rebuild(any());
    }

    /** Its segments held for the pass: its status says so, and it is still taken into the pass. */
    @Test
    void aNewReadModelHeldForThePassIsTakenIntoIt() {
        when(onePass.progress("inventory")).thenReturn(Optional.of(OnePassRebuild.Progress.along(4, 0, 12_000)));
        when(onePass.hasSegments("inventory")).thenReturn(true);

        assertThat(rebuilds.of("inventory").rebuilding()).isTrue();
        rebuilds.rebuildNew(List.of("inventory"));

        verify(onePass).rebuild(List.of(inventory));
    }

    @Test
    void aReadModelNotBeingRebuiltHasNoProgress() {
        segments(Map.of(0, caughtUp(120), 1, caughtUp(118)));

        ReadModelRebuilds.Status status = rebuilds.of("inventory");

        assertThat(status.rebuilding()).isFalse();
        assertThat(status.position()).isEqualTo(118);
        assertThat(status.rebuildingUpTo()).isNull();
        assertThat(status.percent()).isNull();
    }

    /** The processor's running state, stopped by the rebuild until started. */
    private AtomicBoolean stoppedUntilStarted() {
        AtomicBoolean running = new AtomicBoolean(true);
        when(inventory.isRunning()).thenAnswer(asked -> running.get());
        when(inventory.shutdownAsync()).thenAnswer(stop -> {
            running.set(false);
            return CompletableFuture.completedFuture(null);
        });
        return running;
    }

    /** The segments this query side holds, as the processor reports them (made before it is stubbed). */
    private void segments(Map<Integer, EventTrackerStatus> segments) {
        when(inventory.processingStatus()).thenReturn(segments);
    }

    private static EventTrackerStatus replaying(long position, long upTo) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isReplaying()).thenReturn(true);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.getResetPosition()).thenReturn(OptionalLong.of(upTo));
        return status;
    }

    private static EventTrackerStatus caughtUp(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.isCaughtUp()).thenReturn(true);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        when(status.getResetPosition()).thenReturn(OptionalLong.empty());
        return status;
    }
}
