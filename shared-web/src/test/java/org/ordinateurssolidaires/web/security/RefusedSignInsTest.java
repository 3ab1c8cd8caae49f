package org.ordinateurssolidaires.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedSignInsTest {

    /** An operator reading the log tells a refusal of "camille" from one of a look-alike. */
    @Test
    void writesWhatALogLineWouldNotShowAsItsCode() {
        assertThat(RefusedSignIns.loggable("camille\u200B")).isEqualTo("camille\\u200B");
        assertThat(RefusedSignIns.loggable("\u202Eellimac")).isEqualTo("\\u202Eellimac");
        assertThat(RefusedSignIns.loggable("camille\n2026-12-05 INFO forged"))
                .isEqualTo("camille\\u000A2026-12-05 INFO forged");
        // usernames are ASCII: anything else is written as its code, a Cyrillic "а" never read as the Latin "a"
        assertThat(RefusedSignIns.loggable("\u0430dmin")).isEqualTo("\\u0430dmin");
        assertThat(RefusedSignIns.loggable("Chloé")).isEqualTo("Chlo\\u00E9");
        assertThat(RefusedSignIns.loggable("x".repeat(100))).hasSize(65).endsWith("…");
    }
}
