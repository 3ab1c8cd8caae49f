import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load through a database outage, run as a single-file program by postgres-outage.sh:
 * java OutageLoad.java COMMAND_URL QUERY_URL USER:PASSWORD SECONDS CLIENTS OUT_DIRECTORY.
 * CLIENTS threads receive devices back to back for SECONDS, each reception with its own Idempotency-Key, while a
 * probe asks both apps' health, and the query side for a page of devices, twice a second. Every reception not
 * answered 2xx (refused 503, cut, timed out) is sent again with its key once the time is up, until it is. Writes
 * the asset tags acknowledged (acknowledged.txt) for the script to compare with the store, and prints what each
 * kind of request was answered, and how fast, second by second.
 */
public class OutageLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static String authorization;

    private record Reception(String tag, UUID key) {
    }

    /** One answer: which request, when it was sent (seconds into the run), its status (0: none), how long. */
    private record Answer(String what, long second, int status, long millis) {
    }

    public static void main(String[] args) throws Exception {
        String command = args[0];
        String query = args[1];
        authorization = "Basic " + Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
        long seconds = Long.parseLong(args[3]);
        int clients = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String donor = donorWithAgreement(command);

        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Reception> unanswered = new ConcurrentLinkedQueue<>();
        Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients + 1);
        for (int c = 0; c < clients; c++) {
            threads.submit(() -> {
                while (System.nanoTime() < end) {
                    Reception reception = new Reception("OUT-%s-%06d".formatted(run, numbers.incrementAndGet()),
                            UUID.randomUUID());
                    Answer answer = receive(command, donor, reception, start);
                    answers.add(answer);
                    if (answer.status() / 100 == 2) {
                        acknowledged.put(reception.tag(), true);
                    } else {
                        unanswered.add(reception);
                    }
                }
                return null;
            });
        }
        threads.submit(() -> {
            while (System.nanoTime() < end) {
                answers.add(get("command health", command + "/actuator/health", false, start));
                answers.add(get("command liveness", command + "/actuator/health/liveness", false, start));
                answers.add(get("query health", query + "/actuator/health", false, start));
                answers.add(get("query: page of devices", query + "/api/devices?size=1", true, start));
                Thread.sleep(500);
            }
            return null;
        });
        threads.shutdown();
        threads.awaitTermination(seconds + 120, java.util.concurrent.TimeUnit.SECONDS);

        // sent again with their own keys, as a client that got no answer (or a 503) does
        int resent = 0;
        long patience = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (Reception reception : unanswered) {
            Answer answer;
            do {
                answer = receive(command, donor, reception, start);
                resent++;
            } while (answer.status() / 100 != 2 && System.nanoTime() < patience && pause());
            if (answer.status() / 100 == 2) {
                acknowledged.put(reception.tag(), true);
            }
        }
        Files.write(out.resolve("acknowledged.txt"), acknowledged.keySet().stream().sorted().toList());
        Files.writeString(out.resolve("run.txt"), "OUT-" + run + "-");
        report(new ArrayList<>(answers), numbers.get(), unanswered.size(), resent, acknowledged.size());
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }

    private static Answer receive(String command, String donor, Reception reception, long start) {
        String body = """
                {"assetTag":"%s","donorId":"%s","donationBatchReference":"PANNE","category":"LAPTOP",
                 "manufacturer":"Dell","model":"Latitude 5490",
                 "storageMedia":[{"mediaType":"SATA_SSD","manufacturer":"Samsung","serialNumber":"S%s"}],
                 "receivedAt":"2026-03-02T09:00:00Z"}""".formatted(reception.tag(), donor, reception.tag());
        return send("reception", HttpRequest.newBuilder(URI.create(command + "/api/devices"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", reception.key().toString()), true, start);
    }

    private static Answer get(String what, String url, boolean signedIn, long start) {
        return send(what, HttpRequest.newBuilder(URI.create(url)).GET(), signedIn, start);
    }

    private static Answer send(String what, HttpRequest.Builder request, boolean signedIn, long start) {
        long sent = System.nanoTime();
        if (signedIn) {
            request.header("Authorization", authorization);
        }
        int status;
        try {
            status = HTTP.send(request.timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.discarding())
                         .statusCode();
        } catch (IOException noAnswer) {
            status = 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        return new Answer(what, (sent - start) / 1_000_000_000L, status, (System.nanoTime() - sent) / 1_000_000L);
    }

    private static String donorWithAgreement(String command) throws Exception {
        HttpResponse<String> donor = HTTP.send(HttpRequest.newBuilder(URI.create(command + "/api/donors"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"legalName":"Mutuelle Atlantique","kind":"COMPANY","contactPerson":"Claire Dubois",
                         "contactEmail":"claire@example.org"}"""))
                .header("Content-Type", "application/json").header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = donor.body().replaceAll(".*\"donorId\":\"([^\"]+)\".*", "$1");
        HTTP.send(HttpRequest.newBuilder(URI.create(command + "/api/donors/" + id + "/agreements"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"modelAgreementVersion":"2023-0208","signatoryName":"Paul Martin","signatoryRole":"CEO",
                         "signedOn":"2020-01-01","validFrom":"2020-01-01","commitments":{"freeForBeneficiary":true,
                         "equipmentTraceability":true,"dataErasure":true,"handOverCeremony":true}}"""))
                .header("Content-Type", "application/json").header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        return id;
    }

    /**
     * For each kind of request: its answers by status, and each second that was not ordinary (an answer other than
     * 2xx, or one slower than a second) with its statuses and its slowest answer.
     */
    private static void report(List<Answer> answers, int sent, int unanswered, int resent, int acknowledged) {
        System.out.printf("receptions sent under load: %d; not answered 2xx then: %d; sends after the load: %d;"
                + " acknowledged in the end: %d%n", sent, unanswered, resent, acknowledged);
        Map<String, List<Answer>> byWhat = new TreeMap<>();
        answers.forEach(answer -> byWhat.computeIfAbsent(answer.what(), what -> new ArrayList<>()).add(answer));
        byWhat.forEach((what, all) -> {
            Map<Integer, Long> statuses = new TreeMap<>();
            all.forEach(answer -> statuses.merge(answer.status(), 1L, Long::sum));
            System.out.printf("%n%s: %s (0: no answer)%n", what, statuses);
            Map<Long, List<Answer>> bySecond = new TreeMap<>();
            all.forEach(answer -> bySecond.computeIfAbsent(answer.second(), second -> new ArrayList<>()).add(answer));
            StringBuilder line = new StringBuilder();
            bySecond.forEach((second, inSecond) -> {
                Map<Integer, Long> those = new TreeMap<>();
                inSecond.forEach(answer -> those.merge(answer.status(), 1L, Long::sum));
                long slowest = inSecond.stream().mapToLong(Answer::millis).max().orElse(0);
                if (those.keySet().stream().allMatch(status -> status / 100 == 2) && slowest < 1_000) {
                    return; // an ordinary second
                }
                line.append("  ").append(second).append("s ").append(those).append(" slowest ").append(slowest)
                    .append(" ms\n");
            });
            System.out.print(line);
        });
    }
}
