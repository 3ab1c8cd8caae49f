package org.ordinateurssolidaires.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.RunningApp;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a new user runs: both apps with their defaults, sharing the embedded database file under the working
 * directory (no server to install), and the data still there after both restart.
 */
class EmbeddedDefaultIT {

    @TempDir
    File workingDirectory;

    @Test
    void bothAppsShareTheEmbeddedDatabaseAndKeepItAcrossRestarts() throws Exception {
        String device;
        try (RunningApp commandSide = RunningApp.embeddedIn("commandSide", workingDirectory);
             RunningApp querySide = RunningApp.embeddedIn("querySide", workingDirectory)) {
            commandSide.awaitHealthy(Duration.ofSeconds(120));
            querySide.awaitHealthy(Duration.ofSeconds(120));

            device = "/api/devices/" + commandSide.post("/api/devices", Map.of("assetTag", "EMB-0001",
                    "donorId", Donors.withAgreement(commandSide), "donationBatchReference", "LIV-2026-01",
                    "category", "DESKTOP", "manufacturer", "HP", "model", "ProDesk 600 G4",
                    "storageMedia", List.of(Map.of("mediaType", "HARD_DISK_DRIVE", "serialNumber", "Z9A12345")),
                    "receivedAt", "2026-03-02T09:00:00Z")).get("deviceId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> querySide.get(device) != null);
        }
        assertThat(new File(workingDirectory, "data/ordinateurs-solidaires.mv.db")).exists();

        try (RunningApp querySide = RunningApp.embeddedIn("querySide", workingDirectory)) {
            querySide.awaitHealthy(Duration.ofSeconds(120));
            JsonNode kept = querySide.get(device);
            assertThat(kept.get("assetTag").asText()).isEqualTo("EMB-0001");
            assertThat(querySide.get(device + "/provenance").findValuesAsText("event")).containsExactly("DeviceReceived");
        }
    }
}
