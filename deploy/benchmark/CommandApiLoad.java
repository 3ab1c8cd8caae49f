import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for the command API, run as a single-file program (java CommandApiLoad.java BASE_URL DEVICES CLIENTS
 * USER:PASSWORD [MEASURED_FROM_FILE]), signed in with HTTP Basic as a member of staff. After a warm-up, phase 1
 * receives DEVICES devices with one medium each; phase 2 sanitises every medium. CLIENTS threads send requests back
 * to back. Prints throughput and latency percentiles per phase; any non-2xx answer aborts the run. The optional file
 * receives the moment (epoch milliseconds) the warm-up ended.
 */
public class CommandApiLoad {

    private static final Pattern IDS = Pattern.compile("\"deviceId\":\"([^\"]+)\".*\"mediumId\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String authorization;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int devices = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        authorization = "Basic " + Base64.getEncoder().encodeToString(args[3].getBytes(StandardCharsets.UTF_8));
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        String donor = donorWithAgreement(base);
        warmUp(base, run, donor);
        if (args.length > 4) { // when the measured commands began, for figures taken beside them
            Files.writeString(Path.of(args[4]), Long.toString(System.currentTimeMillis()));
        }
        String[][] received = new String[devices][];
        phase("receive device", devices, clients,
                i -> received[i] = receive(base, "B" + run + "-%06d".formatted(i), donor, "BENCH", i));
        phase("sanitise medium", devices, clients, i -> sanitise(base, received[i]));
    }

    interface Step {
        void run(int index) throws Exception;
    }

    /** Devices are received only from a donor with an agreement in force. */
    private static String donorWithAgreement(String base) throws Exception {
        Matcher id = Pattern.compile("\"donorId\":\"([^\"]+)\"").matcher(post(base + "/api/donors", """
                {"legalName":"Benchmark donor","kind":"COMPANY","contactPerson":"Bench",
                 "contactEmail":"bench@example.org"}"""));
        if (!id.find()) {
            throw new IllegalStateException("no donor id");
        }
        post(base + "/api/donors/" + id.group(1) + "/agreements", """
                {"modelAgreementVersion":"2023-0208","signatoryName":"Bench","signatoryRole":"CEO",
                 "signedOn":"2020-01-01","validFrom":"2020-01-01","commitments":{"freeForBeneficiary":true,
                 "equipmentTraceability":true,"dataErasure":true,"handOverCeremony":true}}""");
        return id.group(1);
    }

    /**
     * A few hundred receptions and as many sanitisations, one client, so that the JIT has compiled both phases' hot
     * paths, on both sides, before anything is measured.
     */
    private static void warmUp(String base, String run, String donor) throws Exception {
        for (int i = 0; i < 300; i++) {
            String[] ids = receive(base, "W" + run + "-%04d".formatted(i), donor, "WARM", i);
            sanitise(base, ids);
        }
    }

    /** A laptop with one medium, received: its device's and its medium's identifiers. */
    private static String[] receive(String base, String assetTag, String donor, String batch, int serial)
            throws Exception {
        String body = post(base + "/api/devices", """
                {"assetTag":"%s","donorId":"%s","donationBatchReference":"%s","category":"LAPTOP",
                 "manufacturer":"Dell","model":"Latitude 5490","serialNumber":"SN%s%06d",
                 "storageMedia":[{"mediaType":"SATA_SSD","manufacturer":"Samsung","serialNumber":"S%s%06d"}],
                 "receivedAt":"2026-03-02T09:00:00Z"}""".formatted(assetTag, donor, batch, batch, serial, batch,
                serial));
        Matcher ids = IDS.matcher(body);
        if (!ids.find()) {
            throw new IllegalStateException("unexpected answer " + body);
        }
        return new String[]{ids.group(1), ids.group(2)};
    }

    private static void sanitise(String base, String[] ids) throws Exception {
        post(base + "/api/devices/" + ids[0] + "/media/" + ids[1] + "/sanitisations", """
                {"level":"PURGE","technique":"CRYPTOGRAPHIC_ERASE","tool":"nwipe","toolVersion":"0.37",
                 "verificationMethod":"FULL","verificationPassed":true,"operator":"Bench","location":"Lab",
                 "performedAt":"2026-03-03T09:00:00Z",
                 "toolReportSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""");
    }

    private static void phase(String name, int count, int clients, Step step) throws Exception {
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = client; i < count; i += clients) {
                    long sent = System.nanoTime();
                    step.run(i);
                    latencies[i] = System.nanoTime() - sent;
                }
                return null;
            }));
        }
        try {
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow(); // after a refused command, the other clients stop too: the program ends with it
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%-16s %6d commands, %d clients: %7.1f commands/s, latency p50 %5.1f ms, p95 %5.1f ms,"
                        + " p99 %5.1f ms%n", name, count, clients, count / seconds, ms(latencies, 0.50),
                ms(latencies, 0.95), ms(latencies, 0.99));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                                                             .header("Content-Type", "application/json")
                                                             .header("Authorization", authorization)
                                                             .POST(HttpRequest.BodyPublishers.ofString(json))
                                                             .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
