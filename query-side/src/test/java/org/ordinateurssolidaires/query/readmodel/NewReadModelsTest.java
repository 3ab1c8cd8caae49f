package org.ordinateurssolidaires.query.readmodel;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which read models are new as the query side starts, and that only those are built in one pass, once (here on the
 * test's thread: a timed verification of the synchronized rebuild would hold its lock against the building thread).
 */
class NewReadModelsTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final ReadModelRebuilds rebuilds = mock(ReadModelRebuilds.class);
    private final NewReadModels newReadModels = new NewReadModels(jdbc, rebuilds, true, Runnable::run);

    NewReadModelsTest() {
        when(rebuilds.all()).thenReturn(List.of(readModel("ceremonies"), readModel("donors"),
                readModel("inventory")));
    }

    @Test
    void theReadModelsWithoutTokensBeforeAxonStartsAreBuiltTogetherOnceTheQuerySideIsReady() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of("donors"));

        newReadModels.start();
        newReadModels.ready();
        newReadModels.ready();

        verify(rebuilds).rebuildNew(List.of("ceremonies", "inventory"));
    }

    @Test
    void whenEveryReadModelHasTokensNothingIsRebuilt() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of("ceremonies", "donors",
                "inventory"));

        newReadModels.start();
        newReadModels.ready();

        verify(rebuilds, never()).rebuildNew(any());
    }

    @Test
    void switchedOffEachReadModelIsLeftToItsProcessor() {
        when(jdbc.queryForList(anyString(), eq(String.class))).thenReturn(List.of());
        NewReadModels switchedOff = new NewReadModels(jdbc, rebuilds, false, Runnable::run);

        switchedOff.start();
        switchedOff.ready();

        verify(rebuilds, never()).rebuildNew(any());
    }

    @Test
    void whenTheDatabaseCannotTellEachReadModelIsLeftToItsProcessor() {
        when(jdbc.queryForList(anyString(), eq(String.class)))
                .thenThrow(new DataAccessResourceFailureException("out of reach"));

        newReadModels.start();
        newReadModels.ready();

        verify(rebuilds, never()).rebuildNew(any());
    }

    private static ReadModelRebuilds.Status readModel(String name) {
        return new ReadModelRebuilds.Status(name, true, false, false, 1, 0L, null, null);
    }
}
