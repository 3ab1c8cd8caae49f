package org.ordinateurssolidaires.events.device;

import java.util.Objects;
import java.util.UUID;

/**
 * A data-bearing medium inside a device, described as a sanitisation certificate names it.
 *
 * @param mediumId     identifies the medium within the programme (serial numbers can be missing or unreadable)
 * @param serialNumber as printed on the medium, or as reported by the sanitisation tool
 */
public record StorageMedium(UUID mediumId,
                            MediaType mediaType,
                            String manufacturer,
                            String model,
                            String serialNumber,
                            Integer capacityGigabytes) {

    public StorageMedium {
        Objects.requireNonNull(mediumId, "medium id");
        Objects.requireNonNull(mediaType, "media type");
    }
}
