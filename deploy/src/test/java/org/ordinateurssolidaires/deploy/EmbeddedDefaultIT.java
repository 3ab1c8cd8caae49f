package org.ordinateurssolidaires.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.RunningApp;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * What a new user runs: both apps with their defaults, sharing the embedded database file under the working
 * directory (no server to install), signed in as the first account whose password the first start wrote there,
 * and the data and the password still there after both restart.
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
            // the inventory's own queries on H2: the kept counts, and a label looked up by its index
            assertThat(querySide.get("/api/devices/counts").at("/byCategory/DESKTOP").asLong()).isOne();
            for (String label : List.of("EMB-0001", "Z9A12345")) {
                assertThat(querySide.get("/api/devices?q=" + label).get("devices").findValuesAsText("assetTag"))
                        .as(label).containsExactly("EMB-0001");
            }
        }
        assertThat(new File(workingDirectory, "data/ordinateurs-solidaires.mv.db")).exists();
        // the database, its lock file (the server's port and key) and the secrets beside them: the owner's alone
        assertThat(Files.getPosixFilePermissions(workingDirectory.toPath().resolve("data"))).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        Path password = workingDirectory.toPath().resolve("data/admin-password");
        assertThat(Files.getPosixFilePermissions(password)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        for (String keyset : List.of("data/key-encryption-keyset.json", "data/document-seal-keyset.json")) {
            assertThat(Files.getPosixFilePermissions(workingDirectory.toPath().resolve(keyset))).as(keyset)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        String firstPassword = Files.readString(password);
        assertThat(firstPassword.strip()).hasSize(24);

        try (RunningApp commandSide = RunningApp.embeddedIn("commandSide", workingDirectory);
             RunningApp querySide = RunningApp.embeddedIn("querySide", workingDirectory)) {
            commandSide.awaitHealthy(Duration.ofSeconds(120));
            querySide.awaitHealthy(Duration.ofSeconds(120));
            assertThat(Files.readString(password)).as("generated once, at the first start").isEqualTo(firstPassword);
            JsonNode kept = querySide.get(device);
            assertThat(kept.get("assetTag").asText()).isEqualTo("EMB-0001");
            assertThat(querySide.get(device + "/provenance").findValuesAsText("event")).containsExactly("DeviceReceived");
            assertThat(querySide.signedInAs("admin", "not the password").get(device)).as("a wrong password").isNull();
        }
    }

    /**
     * Households' personal data stays on the workstation: the two apps, and the server through which the second
     * app reaches the database file (H2's AUTO_SERVER), answer on loopback and on no other address of the machine.
     */
    @Test
    void bothAppsAndTheirDatabaseListenOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outside = anotherAddressOfThisMachine();
        assumeTrue(outside.isPresent(), "this machine has no address but loopback");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (RunningApp commandSide = RunningApp.embeddedIn("commandSide", workingDirectory);
             RunningApp querySide = RunningApp.embeddedIn("querySide", workingDirectory)) {
            commandSide.awaitHealthy(Duration.ofSeconds(120));
            querySide.awaitHealthy(Duration.ofSeconds(120));
            int database = databaseServerPort(new File(workingDirectory, "data/ordinateurs-solidaires.lock.db"));

            for (int port : List.of(commandSide.port(), querySide.port(), database)) {
                assertThat(accepts(loopback, port)).as("port %d on loopback", port).isTrue();
                assertThat(accepts(outside.get(), port)).as("port %d on %s", port, outside.get()).isFalse();
            }
        }
    }

    private static Optional<InetAddress> anotherAddressOfThisMachine() throws IOException {
        return NetworkInterface.networkInterfaces()
                               .filter(EmbeddedDefaultIT::isUp)
                               .flatMap(NetworkInterface::inetAddresses)
                               .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                               .findFirst();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** H2 writes where its server listens into the lock file: {@code server=<address>:<port>}. */
    private static int databaseServerPort(File lockFile) throws IOException {
        Properties lock = new Properties();
        try (InputStream in = new FileInputStream(lockFile)) {
            lock.load(in);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("the database file's server in %s", lock).isNotNull();
        return Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
