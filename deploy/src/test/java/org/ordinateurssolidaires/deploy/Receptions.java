package org.ordinateurssolidaires.deploy;

import java.util.List;
import java.util.Map;

/** The body of a device's reception, as the fault tests send it again and again, one asset tag each. */
public final class Receptions {

    private Receptions() {
    }

    /** A laptop with one SSD (its serial made from the tag), from {@code donor}. */
    public static Map<String, Object> laptop(String donor, String assetTag) {
        return Map.of("assetTag", assetTag, "donorId", donor, "donationBatchReference", "LIV-2026-99",
                "category", "LAPTOP", "manufacturer", "Lenovo", "model", "ThinkPad T480",
                "storageMedia", List.of(Map.of("mediaType", "NVME_SSD", "serialNumber", "S4" + assetTag)),
                "receivedAt", "2026-03-02T09:00:00Z");
    }
}
