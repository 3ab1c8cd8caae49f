package org.ordinateurssolidaires.query.donor;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * What giving a computer a second life avoids, per category: the emissions of manufacturing a new one, and the
 * weight that would have become electronic waste. Configuration ({@code ordinateurs.impact}); the defaults and
 * their sources are in {@code docs/donor-report.md}.
 *
 * @param source where the figures come from, printed with every estimate
 */
@ConfigurationProperties("ordinateurs.impact")
public record ImpactFactors(String source, Map<DeviceCategory, Factor> categories) {

    public record Factor(double manufacturingCo2eKg, double weightKg) {
    }

    Factor of(DeviceCategory category) {
        return categories.getOrDefault(category, new Factor(0, 0));
    }
}
