package org.ordinateurssolidaires.command.device;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A medium's serial as two readings of one label agree on it: a scanner's case and surrounding spaces vary, and a
 * keyboard in full-width mode types "ＭＳ-Ｃ1" for "MS-C1" (Unicode's compatibility forms, folded by NFKC).
 */
final class MediumSerials {

    private MediumSerials() {
    }

    /** Null for no serial: a medium without one (a soldered chip, say) is never the same as another by it. */
    static String asScanned(String serial) {
        return serial == null || serial.isBlank() ? null
                : Normalizer.normalize(serial, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }
}
