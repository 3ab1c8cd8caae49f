package org.ordinateurssolidaires.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's {@code instance} names the path as it was sent. */
class ProblemJsonErrorControllerTest {

    /** Found by an outside probe: {@code /api/devices/%2e%2e} was named {@code /api/devices/%252e%252e}. */
    @Test
    void namesThePathAsItWasSentQuotingOnlyWhatNoPathHolds() {
        assertThat(ProblemJsonErrorController.pathOf("/api/devices/%2e%2e")).hasToString("/api/devices/%2e%2e");
        assertThat(ProblemJsonErrorController.pathOf("/api/devices/a b")).hasToString("/api/devices/a%20b");
    }
}
