package org.ordinateurssolidaires.command.device;

import java.util.Locale;

/** A medium's serial as two readings of one label agree on it: a scanner's case and surrounding spaces vary. */
final class MediumSerials {

    private MediumSerials() {
    }

    /** Null for no serial: a medium without one (a soldered chip, say) is never the same as another by it. */
    static String asScanned(String serial) {
        return serial == null || serial.isBlank() ? null : serial.strip().toUpperCase(Locale.ROOT);
    }
}
