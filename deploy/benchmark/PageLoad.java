import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load for the pages a signed-in person opens, run as a single-file program:
 * java PageLoad.java BASE_URL ROUNDS ACCOUNTS_FILE ASSET_TAG DEVICES_FILE DONOR_DEVICES_FILE RECORDED_DEVICES_FILE
 * SERIALS_FILE (media's serials as staff type them, searched in turn)
 * <br>or, a device's provenance alone (deploy/benchmark/rebuild.sh, on the store it rebuilt from):
 * java PageLoad.java --provenance BASE_URL ROUNDS ACCOUNTS_FILE RECORDED_DEVICES_FILE
 * <br>{@code java -DwarmUp=N PageLoad.java ...} asks each page N times first, not counted (1,000 by default).
 * <br>{@code java -Dpages=/tableau-de-bord,/inventaire PageLoad.java ...} measures those pages alone (names as
 * printed), to follow one page through changes.
 * <p>
 * Each client is a browser of its own: it signs in with the login form (CSRF token from the form, session cookie
 * kept), as demo-equipe (staff) or demo-donateur (donor), whose passwords are read from ACCOUNTS_FILE (the demo
 * seeder's data/demo-accounts). Signing in is not measured. The API's reads are asked as the API is, each request
 * signed in with HTTP Basic as demo-equipe. Every page and read is first asked as often as the warm-up says (not
 * counted), then each ROUNDS times by one client; the dashboard and the inventory's two lists then ROUNDS times in
 * all by 4 clients, and the lists by 16 (issue 14's load). The device pages go round the ids in DEVICES_FILE and
 * DONOR_DEVICES_FILE (one per line), the provenance round those of RECORDED_DEVICES_FILE (devices that have events in
 * the store). The search for ASSET_TAG is answered by a redirect to the device's page, which is measured without
 * being followed. Prints throughput, latency percentiles, the average answer's size and any unexpected answer
 * (status, or a redirect to the login page) per page or read.
 * <p>
 * {@code java -DcpuOf=query side:PID,command side:PID PageLoad.java ...} also prints, under each measured line, the
 * CPU each of those processes, PostgreSQL (every {@code postgres} process, its ended backends too) and this load
 * program spent per request while it ran, read from {@code /proc} (Linux): what bounds the pages' rate on cores
 * they share.
 * <p>
 * {@code java -DgcLogOf=query side:FILE PageLoad.java ...} also prints, under each measured line, the pauses that
 * process's collector wrote to its log FILE ({@code -Xlog:gc:file=FILE::filecount=0}, not rotated) while the
 * requests ran, beside the slowest hundredth of the requests: whether a latency's tail is the collector's.
 */
public class PageLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    /**
     * Requests of each page not counted first ({@code -DwarmUp=}). A query side just started compiles each page's code
     * through its first thousand requests or so: with 50, a page's p99 was that of the service's first minutes (a
     * fifth to a half above its later one), where the targets are about a service that runs for weeks
     * (docs/benchmarks.md, "Pages measured warm").
     */
    private static final int WARM_UP = Integer.getInteger("warmUp", 1000);
    /** The pages measured, by name ({@code -Dpages=}, comma-separated); all of them when not given. */
    private static final Set<String> ONLY = new HashSet<>(Arrays.asList(System.getProperty("pages", "").split(",")));
    /** The inventory's two lists, measured at 16 clients too (issue 14's load). */
    private static final Set<String> LISTS = Set.of("/inventaire", "/inventaire?state=READY");
    /** Measured at 4 clients too. */
    private static final Set<String> UNDER_LOAD = Set.of("/tableau-de-bord", "/inventaire", "/inventaire?state=READY");
    /** The processes whose CPU is reported per request ({@code -DcpuOf=name:pid,...}), by name, in that order. */
    private static final Map<String, Long> CPU_OF = cpuOf(System.getProperty("cpuOf", ""));
    /** A process's collector log ({@code -DgcLogOf=name:file}), its pauses reported per measure. */
    private static final String[] GC_LOG_OF = System.getProperty("gcLogOf", "").split(":", 2);
    /** A pause as {@code -Xlog:gc} writes it: "... Pause Young (Allocation Failure) 260M->25M(490M) 8.123ms". */
    private static final Pattern PAUSE = Pattern.compile(" Pause .* ([0-9.]+)ms$");
    /** Linux counts CPU time in ticks of 10 ms ({@code getconf CLK_TCK} is 100 on every kernel built for it). */
    private static final double MS_PER_TICK = 10;
    private static String base;
    private static Map<String, String> passwords;

    /** A page or an API read ({@code api}: signed in with HTTP Basic rather than the login form's session). */
    record Page(String name, String role, IntFunction<String> path, int expected, boolean api) {

        Page(String name, String role, IntFunction<String> path, int expected) {
            this(name, role, path, expected, false);
        }

        static Page api(String name, IntFunction<String> path) {
            return new Page(name, "demo-equipe", path, 200, true);
        }
    }

    public static void main(String[] args) throws Exception {
        boolean provenanceAlone = args[0].equals("--provenance");
        if (provenanceAlone) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        base = args[0];
        int rounds = Integer.parseInt(args[1]);
        passwords = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String[] fields = line.trim().split("\\s+");
            passwords.put(fields[0], fields[2]);
        }
        if (provenanceAlone) {
            printHeading();
            Page provenance = provenance(ids(args[3]));
            measure(provenance, 1, WARM_UP, false);
            measure(provenance, 1, rounds, true);
            return;
        }
        String tag = args[3];
        List<String> devices = ids(args[4]);
        List<String> donorDevices = ids(args[5]);
        List<String> recordedDevices = ids(args[6]);
        List<String> serials = ids(args[7]);

        List<Page> pages = Stream.of(
                new Page("/tableau-de-bord", "demo-equipe", i -> "/tableau-de-bord", 200),
                new Page("/inventaire", "demo-equipe", i -> "/inventaire", 200),
                new Page("/inventaire?state=READY", "demo-equipe", i -> "/inventaire?state=READY", 200),
                new Page("/inventaire?q=TAG (302)", "demo-equipe", i -> "/inventaire?q=" + tag, 302),
                new Page("/appareils/{id}", "demo-equipe", i -> "/appareils/" + devices.get(i % devices.size()), 200),
                new Page("/orientations", "demo-equipe", i -> "/orientations", 200),
                new Page("/donateur", "demo-donateur", i -> "/donateur", 200),
                new Page("/donateur/appareils/{id}", "demo-donateur",
                        i -> "/donateur/appareils/" + donorDevices.get(i % donorDevices.size()), 200),
                Page.api("/api/devices?state=READY", i -> "/api/devices?state=READY"),
                Page.api("/api/devices/counts", i -> "/api/devices/counts"),
                Page.api("/api/devices?q=SERIAL", i -> "/api/devices?q="
                        + URLEncoder.encode(serials.get(i % serials.size()), StandardCharsets.UTF_8)),
                provenance(recordedDevices))
                .filter(page -> ONLY.equals(Set.of("")) || ONLY.contains(page.name()))
                .toList();
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no page is named " + ONLY);
        }
        printHeading();
        for (Page page : pages) {
            measure(page, 1, WARM_UP, false);
        }
        for (Page page : pages) {
            measure(page, 1, rounds, true);
        }
        for (Page page : pages) {
            if (UNDER_LOAD.contains(page.name())) {
                measure(page, 4, rounds, true);
            }
        }
        for (Page page : pages) {
            if (LISTS.contains(page.name())) {
                measure(page, 16, rounds, true);
            }
        }
    }

    private static Page provenance(List<String> recordedDevices) {
        return Page.api("/api/devices/{id}/provenance",
                i -> "/api/devices/" + recordedDevices.get(i % recordedDevices.size()) + "/provenance");
    }

    private static void printHeading() {
        System.out.printf("%-34s %7s %8s %8s %8s %8s %8s %8s  %s%n", "page", "clients", "requests", "req/s",
                "p50 ms", "p95 ms", "p99 ms", "KiB", "unexpected answers");
    }

    private static List<String> ids(String file) throws IOException {
        List<String> ids = Files.readAllLines(Path.of(file)).stream().map(String::trim).filter(id -> !id.isEmpty())
                                .toList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("no ids in " + file);
        }
        return ids;
    }

    /** Each client signs in on its own, then the clients open the page back to back, count requests in all. */
    private static void measure(Page page, int clients, int count, boolean print) throws Exception {
        List<HttpClient> browsers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            browsers.add(page.api() ? browser() : signedIn(page.role()));
        }
        String basic = page.api() ? "Basic " + Base64.getEncoder().encodeToString(
                (page.role() + ":" + passwords.get(page.role())).getBytes(StandardCharsets.UTF_8)) : null;
        long[] latencies = new long[count];
        AtomicLong bytes = new AtomicLong();
        Map<String, Integer> unexpected = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long[] cpuBefore = print ? cpuTicks() : null;
        long gcLogBefore = print ? gcLogSize() : 0;
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            work.add(pool.submit(() -> {
                for (int i = client; i < count; i += clients) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + page.path().apply(i)))
                                                             .GET();
                    if (page.api()) {
                        request.header("Authorization", basic);
                    }
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response = browsers.get(client).send(request.build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    latencies[i] = System.nanoTime() - sent;
                    bytes.addAndGet(response.body().length);
                    String location = response.headers().firstValue("Location").orElse("");
                    if (response.statusCode() != page.expected() || location.contains("/login")) {
                        synchronized (unexpected) {
                            unexpected.merge(response.statusCode() + (location.isEmpty() ? "" : " to " + location),
                                    1, Integer::sum);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (!print) {
            return;
        }
        Arrays.sort(latencies);
        System.out.printf("%-34s %7d %8d %8.1f %8.1f %8.1f %8.1f %8.1f  %s%n", page.name(), clients, count,
                count / seconds, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99),
                bytes.get() / 1024.0 / count, unexpected.isEmpty() ? "none" : unexpected);
        if (!CPU_OF.isEmpty()) {
            printCpu(page, clients, count, cpuBefore, cpuTicks());
        }
        if (GC_LOG_OF.length == 2 && count > 0) {
            printPauses(page, clients, gcLogBefore, latencies);
        }
    }

    private static long gcLogSize() throws IOException {
        return GC_LOG_OF.length == 2 ? Files.size(Path.of(GC_LOG_OF[1])) : 0;
    }

    /** The collector's pauses logged since {@code from} (the log's size then), and the slowest hundredth. */
    private static void printPauses(Page page, int clients, long from, long[] sorted) throws IOException {
        byte[] log = Files.readAllBytes(Path.of(GC_LOG_OF[1]));
        int start = log.length < from ? 0 : (int) from; // a log the JVM rotated meanwhile (filecount=0 keeps one)
        int pauses = 0;
        double total = 0;
        double longest = 0;
        for (String line : new String(log, start, log.length - start, StandardCharsets.UTF_8).split("\n")) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                double ms = Double.parseDouble(pause.group(1));
                pauses++;
                total += ms;
                longest = Math.max(longest, ms);
            }
        }
        int slowest = Math.max(1, sorted.length / 100);
        System.out.printf("pauses while measuring %s, clients: %d: %s %d, %.1f ms in all, longest %.1f ms;"
                          + " the slowest %d requests %.1f to %.1f ms%n", page.name(), clients, GC_LOG_OF[0], pauses,
                total, longest, slowest, sorted[sorted.length - slowest] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static Map<String, Long> cpuOf(String property) {
        Map<String, Long> processes = new LinkedHashMap<>();
        for (String named : property.split(",")) {
            if (!named.isBlank()) {
                int colon = named.lastIndexOf(':');
                processes.put(named.substring(0, colon), Long.parseLong(named.substring(colon + 1)));
            }
        }
        return processes;
    }

    /** The ticks of each process of {@link #CPU_OF}, then PostgreSQL's, then this program's. */
    private static long[] cpuTicks() throws IOException {
        if (CPU_OF.isEmpty()) {
            return null;
        }
        long[] ticks = new long[CPU_OF.size() + 2];
        int i = 0;
        for (long pid : CPU_OF.values()) {
            ticks[i++] = ticks(Path.of("/proc", String.valueOf(pid), "stat"), false);
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(path -> path.getFileName().toString().matches("[0-9]+")).toList()) {
                String stat = stat(process.resolve("stat"));
                if (stat.contains("(postgres)")) {
                    ticks[i] += ticks(stat, true); // the server counts its ended backends as its children's
                }
            }
        }
        ticks[i + 1] = ticks(Path.of("/proc/self/stat"), false);
        return ticks;
    }

    private static long ticks(Path stat, boolean withChildren) {
        return ticks(stat(stat), withChildren);
    }

    /** User and system ticks (fields 14 and 15 of proc(5)), and the reaped children's (16, 17) if asked. */
    private static long ticks(String stat, boolean withChildren) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // field 3 onwards
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    }

    /** A process's stat line, empty once it has ended (a backend may end as it is read). */
    private static String stat(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException ended) {
            return "";
        }
    }

    private static void printCpu(Page page, int clients, int count, long[] before, long[] after) {
        List<String> names = new ArrayList<>(CPU_OF.keySet());
        names.add("PostgreSQL");
        names.add("load program");
        StringBuilder line = new StringBuilder();
        double together = 0;
        for (int i = 0; i < names.size(); i++) {
            double ms = (after[i] - before[i]) * MS_PER_TICK / count;
            together += ms;
            line.append(i == 0 ? "" : ", ").append(String.format("%s %.2f ms", names.get(i), ms));
        }
        System.out.printf("cpu per request of %s, clients: %d: %s; together %.2f ms%n", page.name(), clients, line,
                together);
    }

    /** A browser of its own: cookie jar, no redirect followed. */
    private static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                         .cookieHandler(new CookieManager())
                         .followRedirects(HttpClient.Redirect.NEVER)
                         .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A browser of its own, signed in with the login form. */
    private static HttpClient signedIn(String username) throws Exception {
        HttpClient browser = browser();
        String form = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token in the login form");
        }
        String body = "username=" + encode(username) + "&password=" + encode(passwords.get(username)) + "&_csrf="
                      + encode(csrf.group(1));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                                                              .header("Content-Type",
                                                                      "application/x-www-form-urlencoded")
                                                              .POST(HttpRequest.BodyPublishers.ofString(body))
                                                              .build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + answer.statusCode() + " " + location);
        }
        return browser;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
