package org.ordinateurssolidaires.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlausibleTimeTest {

    /** Instant.parse reads each as another moment than written (the next midnight, :59), in either case. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T24:00:00Z", "2026-03-02T24:00Z", "2026-03-02T23:59:60Z",
            "2026-03-02T23:59:60.5Z", "2026-03-02t24:00:00z", "2026-03-02t23:59:60z"})
    void refusesWhatNoClockWrites(String text) {
        assertThatThrownBy(() -> PlausibleTime.instant(text)).isInstanceOf(DateTimeParseException.class);
    }

    /** Found by an outside probe: read in a JSON body, refused as a query's parameter. */
    @ParameterizedTest
    @ValueSource(strings = {"+002026-03-02T09:00:00Z", "2026-03-02T09:00:00+00:00:30", "2026-03-02T09:00:00+01",
            "2026-03-02T09:00:00+0100", " 2026-03-02T09:00:00Z", "2026-03-02T09Z", "20260302T090000Z"})
    void refusesWhatNoClientWrites(String text) {
        assertThatThrownBy(() -> PlausibleTime.instant(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T23:59:59.5Z", "2026-03-02t23:59:59.5z", "2026-03-02T00:00:00Z",
            "2026-03-02T10:00:00.123456789+01:00", "2026-03-02T04:00:00-05:00"})
    void readsAnInstantAsWritten(String text) {
        assertThat(PlausibleTime.instant(text)).isEqualTo(Instant.parse(text.toUpperCase()));
        assertThat(PlausibleTime.instant(text)).isEqualTo(OffsetDateTime.parse(text.toUpperCase()).toInstant());
    }
}
