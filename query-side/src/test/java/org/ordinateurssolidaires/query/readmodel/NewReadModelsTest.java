package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.springboot.EventProcessorProperties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which read models are new as the query side starts, that their segments are held for the pass before their
 * processors start, and that only those are built in one pass, once (here on the test's thread: a timed verification
 * of the synchronized rebuild would hold its lock against the building thread).
 */
class NewReadModelsTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final ReadModelRebuilds rebuilds = mock(ReadModelRebuilds.class);
    private final OnePassRebuild onePass = mock(OnePassRebuild.class);
    /** As application.yml sets them: the untuned read model has no number of segments. */
    private final EventProcessorProperties processors = new EventProcessorProperties();
    private final NewReadModels newReadModels = new NewReadModels(jdbc, rebuilds, onePass, processors, true,
            Runnable::run);

    NewReadModelsTest() {
        when(rebuilds.all()).thenReturn(List.of(readModel("ceremonies"), readModel("donors"),
                readModel("inventory"), readModel("untuned")));
        processors.getProcessors().put("ceremonies", segments(1));
        processors.getProcessors().put("donors", segments(1));
        processors.getProcessors().put("inventory", segments(4));
    }

    @Test
    void theReadModelsWithoutTokensBeforeAxonStartsAreBuiltTogetherOnceTheQuerySideIsReady() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of("donors"));

        newReadModels.start();
        newReadModels.ready();
        newReadModels.ready();

        verify(rebuilds).rebuildNew(List.of("ceremonies", "inventory", "untuned"));
    }

    /** Those whose number of segments is known: another's processor makes its own, as Axon's default sets it. */
    @Test
    void theirSegmentsAreHeldForThePassBeforeTheirProcessorsStart() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of("donors"));

        newReadModels.start();

        verify(onePass).reserve(Map.of("ceremonies", 1, "inventory", 4));
    }

    /** Whether the pass took them or not: those it took are no longer held, and the others go to their processors. */
    @Test
    void theSegmentsHeldAreReleasedOnceThePassIsDoneOrRefused() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of("donors"));
        doThrow(new IllegalStateException("refused")).when(rebuilds).rebuildNew(any());

        newReadModels.start();
        assertThatThrownBy(newReadModels::ready).hasMessage("refused");

        verify(onePass).unreserve(Set.of("ceremonies", "inventory"));
    }

    @Test
    void whenTheirSegmentsCannotBeHeldTheyAreStillBuiltInOnePass() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of());
        doThrow(new UnableToClaimTokenException("made by another query side meanwhile")).when(onePass)
                .reserve(any());

        newReadModels.start();
        newReadModels.ready();

        verify(rebuilds).rebuildNew(List.of("ceremonies", "donors", "inventory", "untuned"));
        verify(onePass).unreserve(Set.of());
    }

    @Test
    void whenEveryReadModelHasTokensNothingIsRebuilt() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of("ceremonies", "donors",
                "inventory", "untuned"));

        newReadModels.start();
        newReadModels.ready();

        verify(onePass, never()).reserve(any());
        verify(rebuilds, never()).rebuildNew(any());
    }

    @Test
    void switchedOffEachReadModelIsLeftToItsProcessor() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of());
        NewReadModels switchedOff = new NewReadModels(jdbc, rebuilds, onePass, processors, false, Runnable::run);

        switchedOff.start();
        switchedOff.ready();

        verify(onePass, never()).reserve(any());
        verify(rebuilds, never()).rebuildNew(any());
    }

    @Test
    void whenTheDatabaseCannotTellEachReadModelIsLeftToItsProcessor() {
        when(jdbc.queryForList(anyString(), eq(String.class)))
                .thenThrow(new DataAccessResourceFailureException("out of reach"));

        newReadModels.start();
        newReadModels.ready();

        verify(onePass, never()).reserve(any());
        verify(rebuilds, never()).rebuildNew(any());
    }

    private static EventProcessorProperties.ProcessorSettings segments(int count) {
        EventProcessorProperties.ProcessorSettings settings = new EventProcessorProperties.ProcessorSettings();
        settings.setInitialSegmentCount(count);
        return settings;
    }

    private static ReadModelRebuilds.Status readModel(String name) {
        return new ReadModelRebuilds.Status(name, true, false, false, 1, 0L, null, null);
    }
}
