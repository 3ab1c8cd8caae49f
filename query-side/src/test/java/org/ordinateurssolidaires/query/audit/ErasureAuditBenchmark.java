package org.ordinateurssolidaires.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.ceremony.CeremonyHeld;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.device.QualityCheckFailed;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.DonationBatchConfirmed;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PersonalDataForgotten;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.query.EventStoreFixture;
import org.ordinateurssolidaires.query.config.StoredEvent;
import org.ordinateurssolidaires.query.inventory.QuerySideSchema;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the auditor's replay checks a store of about a million events (issue "Erasure audit", Speed), beside
 * the rate at which PostgreSQL itself reads the event table in order, measured in the same run on the same data.
 * <p>Not a test: its name matches neither surefire's nor failsafe's patterns, so {@code ./mvnw verify} never runs
 * it. Run it with {@code deploy/benchmark/erasure-audit.sh [DEVICES]} (system property {@code benchmark.devices},
 * default 100,000; {@code benchmark.audits}, the warm audits measured after the first, default 3). It uses the
 * database {@value #DATABASE}, dropped and re-created on each run. It prints its figures and asserts no timing —
 * only that the audit of the generated, clean store is clean, since figures on data it rejects would mean nothing.
 */
class ErasureAuditBenchmark {

    private static final String DATABASE = "ordinateurs_audit_bench";
    private static final String ALL_COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
            + " metaData, payload, payloadRevision, payloadType, timeStamp";
    private static final int FETCH = 2_000;
    private static volatile long sink;

    @Test
    void auditOfAGeneratedStore() throws Exception {
        int devices = Integer.getInteger("benchmark.devices", 100_000);
        // the JIT compiler goes on speeding the audit up through its fourth or fifth run (docs/benchmarks.md)
        int warmAudits = Integer.getInteger("benchmark.audits", 3);
        if (warmAudits < 1) {
            throw new IllegalArgumentException("benchmark.audits must be at least 1, not " + warmAudits);
        }
        String url = emptyStore();
        machine(url);

        heading("generation: " + String.format(Locale.ROOT, "%,d", devices) + " devices, appended with COPY");
        Generated generated;
        try (Connection connection = connect(url)) {
            generated = new Generator(devices).writeTo(connection);
        }
        System.out.printf(Locale.ROOT, "%,d events (%,d devices, %,d media) generated and copied in %.1f s: %,.0f events/s;"
                        + " %,d MB of payload and metadata%n", generated.events, generated.devices, generated.media,
                seconds(generated.nanos), generated.events / seconds(generated.nanos), generated.bytes >> 20);
        System.out.println("events by type: " + generated.byType);
        long vacuum = timed(() -> sql(url, "vacuum (analyze) domainEventEntry"));
        System.out.printf(Locale.ROOT, "vacuum (analyze) afterwards, as autovacuum would: %.1f s; table %s, indexes %s%n",
                seconds(vacuum), query(url, "select pg_size_pretty(pg_table_size('domainevententry'))"),
                query(url, "select pg_size_pretty(pg_indexes_size('domainevententry'))"));

        heading("history chain: HistoryChainRecorder.linkNewEvents(), batches of 1,000, one connection");
        long linking;
        try (SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD, true)) {
            HistoryChainRecorder recorder = new HistoryChainRecorder(new JdbcTemplate(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Duration.ofSeconds(1));
            linking = timed(recorder::linkNewEvents);
        }
        long linked = Long.parseLong(query(url, "select events from history_chain_head"));
        System.out.printf(Locale.ROOT, "%,d events linked in %.1f s: %,.0f events/s%n", linked, seconds(linking),
                linked / seconds(linking));
        sql(url, "vacuum (analyze) history_chain_link");

        heading("raw PostgreSQL read: all columns of domainEventEntry by globalIndex, fetch size " + FETCH
                + ", bytea as the driver sends it by default (hex text) and in binary (as the audit asks for it)");
        Pass cold = rawRead(url, false);
        System.out.println("first read (warms the caches, not counted): " + cold);
        Pass rawText1 = rawRead(url, false);
        System.out.println("warm read 1, bytea as text: " + rawText1);
        Pass rawBinary1 = rawRead(url, true);
        System.out.println("warm read 1, bytea in binary: " + rawBinary1);

        heading("audit: HistoryAudit.run (event table and chain side by side, rules, SHA-256)");
        Audited first = audit(url);
        System.out.println("first audit (warms the JVM's compiled code and the chain table's pages, not counted): "
                + first);
        List<Audited> audits = new ArrayList<>();
        for (int run = 1; run <= warmAudits; run++) {
            Audited audited = audit(url);
            audits.add(audited);
            System.out.println("warm audit " + run + ": " + audited);
        }
        Pass rawText2 = rawRead(url, false);
        System.out.println("warm read 2, bytea as text (after the audits, to see the drift): " + rawText2);
        Pass rawBinary2 = rawRead(url, true);
        System.out.println("warm read 2, bytea in binary (after the audits, to see the drift): " + rawBinary2);

        // the audit is judged against the fastest raw read of either kind, not against the slower one
        Pass raw = Stream.of(rawText1, rawText2, rawBinary1, rawBinary2)
                .max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
        Audited best = audits.stream().max((a, b) -> Double.compare(a.rate(), b.rate())).orElseThrow();
        heading("summary");
        System.out.printf(Locale.ROOT, "store:          %,d events, %,d devices, %,d MB of payload and metadata%n",
                generated.events, generated.devices, generated.bytes >> 20);
        System.out.printf(Locale.ROOT, "generation:     %.1f s (%,.0f events/s, COPY binary) + vacuum %.1f s%n",
                seconds(generated.nanos), generated.events / seconds(generated.nanos), seconds(vacuum));
        System.out.printf(Locale.ROOT, "chain linking:  %,.0f events/s (%.1f s)%n", linked / seconds(linking),
                seconds(linking));
        System.out.printf(Locale.ROOT, "raw read:       %,.0f rows/s (best of 4 warm reads; bytea as text %,.0f and"
                        + " %,.0f, in binary %,.0f and %,.0f)%n", raw.rate(), rawText1.rate(), rawText2.rate(),
                rawBinary1.rate(), rawBinary2.rate());
        System.out.printf(Locale.ROOT, "audit:          %,.0f events/s (best of %d warm runs: %s; the first, cold: %,.0f);"
                        + " %,d devices checked, %d violations, %d tampering%n", best.rate(), warmAudits,
                audits.stream().map(a -> String.format(Locale.ROOT, "%,.0f", a.rate())).collect(Collectors.joining(" and ")),
                first.rate(), best.report.devicesChecked(), best.report.violations().size(),
                best.report.tampering().size());
        System.out.printf(Locale.ROOT, "audit / raw:    %.2f (issue 14's target, at least 0.6 of the raw read: %s)%n",
                best.rate() / raw.rate(), best.rate() >= 0.6 * raw.rate() ? "met" : "NOT met");
        System.out.println("JVM:            " + jvm());

        audits.add(first);
        for (Audited audited : audits) {
            assertThat(audited.report.eventsChecked()).isEqualTo(generated.events);
            assertThat(audited.report.violations()).as("violations in a clean generated store").isEmpty();
            assertThat(audited.report.tampering()).as("tampering in a clean generated store").isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the store

    /** The command side's event store and the query side's tables, in an empty database, as in production. */
    private static String emptyStore() {
        EventStoreFixture.onEmptyDatabase(DATABASE);
        String url = PostgresTestDatabase.emptyDatabase(DATABASE); // the same database: created once per JVM
        QuerySideSchema.migrate(url);
        return url;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    private static void sql(String url, String statement) {
        try (Connection connection = connect(url); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String query(String url, String query) {
        try (Connection connection = connect(url); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the measures

    /**
     * A pass over a table: rows, bytes materialised, elapsed time, and the reading thread's own CPU time (the rest
     * of the elapsed time it waited: for PostgreSQL, or for a core).
     */
    record Pass(long rows, long bytes, long nanos, long cpuNanos) {

        double rate() {
            return rows / seconds(nanos);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d rows, %,d MB, %.2f s: %,.0f rows/s, %.0f MB/s; thread CPU %.2f s",
                    rows, bytes >> 20, seconds(nanos), rate(), (bytes >> 20) / seconds(nanos), seconds(cpuNanos));
        }
    }

    /** The audit's report, elapsed time, the thread's CPU time and the JVM's garbage-collection time meanwhile. */
    record Audited(AuditReport report, long nanos, long cpuNanos, long gcMillis) {

        double rate() {
            return report.eventsChecked() / seconds(nanos);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d events, %,d devices in %.2f s (report: %,d ms): %,.0f events/s;"
                            + " %d violations, %d tampering, %,d not yet linked; the checking thread's CPU %.2f s"
                            + " (not the reading thread's), GC %.2f s",
                    report.eventsChecked(), report.devicesChecked(), seconds(nanos), report.millis(), rate(),
                    report.violations().size(), report.tampering().size(), report.eventsNotYetLinked(),
                    seconds(cpuNanos), gcMillis / 1e3);
        }
    }

    /**
     * What PostgreSQL and the driver alone cost: every column of every row, in the audit's order, streamed as the
     * audit streams it, each value materialised as an application would use it (strings decoded, bytea decoded).
     * {@code binary}: bytea sent as bytes, as {@code HistoryAudit} asks for it, rather than as hex text.
     */
    private static Pass rawRead(String url, boolean binary) throws SQLException {
        try (Connection connection = connect(url)) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            long began = System.nanoTime();
            long cpu = cpuNanos();
            long rows = 0;
            long bytes = 0;
            long numbers = 0;
            try (PreparedStatement select = connection.prepareStatement("select " + ALL_COLUMNS
                    + " from domainEventEntry order by globalIndex")) {
                select.setFetchSize(FETCH);
                if (binary) {
                    StoredEvent.inBinary(select);
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows++;
                        numbers += row.getLong(1) + row.getLong(3);
                        bytes += 16 + length(row.getString(2)) + length(row.getString(4)) + length(row.getString(5))
                                + length(row.getBytes(6)) + length(row.getBytes(7)) + length(row.getString(8))
                                + length(row.getString(9)) + length(row.getString(10));
                    }
                }
            }
            long nanos = System.nanoTime() - began;
            cpu = cpuNanos() - cpu;
            sink = numbers; // keeps the values read alive
            connection.rollback();
            return new Pass(rows, bytes, nanos, cpu);
        }
    }

    private static Audited audit(String url) throws SQLException {
        try (Connection connection = connect(url)) {
            long gc = gcMillis();
            long cpu = cpuNanos();
            long began = System.nanoTime();
            AuditReport report = new HistoryAudit(ErasurePolicy.nistDefaults(), EventSerialization.upcasters(),
                    Clock.systemUTC()).run(connection, null);
            long nanos = System.nanoTime() - began;
            return new Audited(report, nanos, cpuNanos() - cpu, gcMillis() - gc);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // printing

    private static void machine(String url) {
        heading("machine");
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + "; " + jvm());
        System.out.println("PostgreSQL: " + query(url, "select version()") + "; shared_buffers "
                + query(url, "show shared_buffers"));
    }

    private static String jvm() {
        return "Java " + System.getProperty("java.vm.version") + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB, GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                                   .collect(Collectors.joining("/"))
                + ", JVM options " + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** With the machine's load average: other work on the same cores shows in the figures. */
    private static void heading(String title) {
        System.out.println();
        System.out.printf(Locale.ROOT, "== %s (load average %.2f)%n", title,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    interface Work {
        void run() throws Exception;
    }

    private static long timed(Work work) throws Exception {
        long began = System.nanoTime();
        work.run();
        return System.nanoTime() - began;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the generator

    record Generated(long events, int devices, long media, long bytes, long nanos, Map<String, Long> byType) {
    }

    /**
     * Writes a programme's history straight into the event table, in the command side's format (the project's
     * serializer for payloads and metadata, Axon's columns and timestamps), with PostgreSQL's binary COPY. Donations
     * arrive in batches; about 2,000 devices are in the workshop at once, each moving on through its life one event
     * at a time, so that devices' events interleave in the store as they do in production. Every life is one the
     * Device aggregate accepts: every medium sanitised by a method NIST SP 800-88 accepts for its type (or destroyed)
     * before the device is allocated, handed over or recycled. Seeded: the same count gives the same store.
     */
    static final class Generator {

        private static final String COPY = "copy domainEventEntry (" + ALL_COLUMNS + ") from stdin (format binary)";
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        private static final int IN_THE_WORKSHOP = 2_000;
        private static final String[] STAFF = {"camille.bernard", "lou.martin", "sam.petit", "nour.haddad",
                "yanis.moreau", "lea.fontaine", "hugo.girard", "ines.lambert", "theo.rousseau", "maya.garnier",
                "jules.faure", "sarah.benali", "noah.chevalier", "zoe.leroy", "adam.mercier", "lina.dupuis"};
        private static final String[] COORDINATORS = {"claire.robin", "karim.aubert", "anne.vidal"};
        private static final String[] REFERRERS = {"referent.caf86", "referent.francetravail", "referent.ccas-poitiers",
                "referent.secours-populaire"};
        private static final String[] LOCATIONS = {"Atelier Poitiers", "Atelier Châtellerault", "Atelier Niort"};
        private static final String[] RECYCLERS = {"Envie 86", "Ateliers du Bocage", "Paprec D3E"};
        private static final String[] OPERATING_SYSTEMS = {"Linux Mint 22", "Ubuntu 24.04 LTS", "Windows 10 Pro (refurbisher licence)", "PrimTux 8"};
        private static final String[] LAPTOPS = {"Dell|Latitude 5490", "Lenovo|ThinkPad T480", "HP|EliteBook 840 G5",
                "Lenovo|ThinkPad L390", "Dell|Latitude 7400", "HP|ProBook 450 G6"};
        private static final String[] DESKTOPS = {"Dell|OptiPlex 7060", "HP|EliteDesk 800 G4", "Lenovo|ThinkCentre M720s",
                "Fujitsu|Esprimo D538"};
        private static final String[] TABLETS = {"Samsung|Galaxy Tab A7", "Lenovo|Tab M10", "Apple|iPad (6th generation)"};

        private final SplittableRandom random = new SplittableRandom(2026_11_26L);
        private final Serializer serializer = EventSerialization.serializer();
        private final int devices;
        private final List<Donor> donors = new ArrayList<>();
        private final List<PartnerId> partners = new ArrayList<>();
        private final List<Life> workshop = new ArrayList<>();
        private final Map<String, Long> byType = new TreeMap<>();
        private DataOutputStream out;
        private Instant now = Instant.parse("2024-01-08T08:30:00Z");
        private long globalIndex;
        private long bytes;
        private long media;
        private int received;
        private int batches;
        private int handOvers;
        private Ceremony ceremony;

        Generator(int devices) {
            this.devices = devices;
            for (int i = 0; i < 60; i++) {
                partners.add(new PartnerId(uuid()));
            }
        }

        private record Donor(Aggregate aggregate, DonorId id) {
        }

        private record Ceremony(Aggregate aggregate, CeremonyId id) {
        }

        /** An aggregate being written: its type, id and next sequence number. */
        private static final class Aggregate {
            final String type;
            final String id;
            long sequence;

            Aggregate(String type, UUID id) {
                this.type = type;
                this.id = id.toString();
            }
        }

        /** One event yet to happen: built when it happens, to carry the moment it happened. */
        private record Step(Aggregate aggregate, Function<Instant, Object> event, String[] users, String role) {
        }

        /** What is left of one device's life (and of the referrals it meets). */
        private static final class Life {
            final ArrayDeque<Step> steps = new ArrayDeque<>();

            void then(Aggregate aggregate, Function<Instant, Object> event) {
                steps.add(new Step(aggregate, event, STAFF, "staff"));
            }

            void then(Aggregate aggregate, Function<Instant, Object> event, String[] users, String role) {
                steps.add(new Step(aggregate, event, users, role));
            }
        }

        Generated writeTo(Connection connection) throws SQLException, IOException {
            long began = System.nanoTime();
            try (DataOutputStream copy = new DataOutputStream(new BufferedOutputStream(
                    new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16), 1 << 16))) {
                out = copy;
                out.write(SIGNATURE);
                out.writeInt(0); // flags
                out.writeInt(0); // header extension
                while (received < devices || !workshop.isEmpty()) {
                    while (workshop.size() < IN_THE_WORKSHOP && received < devices) {
                        arrival();
                    }
                    int next = random.nextInt(workshop.size());
                    Life life = workshop.get(next);
                    Step step = life.steps.poll();
                    emit(step.aggregate, step.event.apply(tick()), step.users, step.role, null);
                    if (life.steps.isEmpty()) {
                        workshop.set(next, workshop.get(workshop.size() - 1));
                        workshop.remove(workshop.size() - 1);
                    }
                }
                if (ceremony != null) {
                    held(ceremony);
                }
                out.writeShort(-1);
            }
            try (Statement sql = connection.createStatement()) {
                sql.execute("select setval(pg_get_serial_sequence('domainevententry', 'globalindex'), " + globalIndex + ")");
            }
            return new Generated(globalIndex, received, media, bytes, System.nanoTime() - began, byType);
        }

        // -- arrivals: a donor's delivery, imported as one batch, or a single device brought in

        private void arrival() throws IOException {
            Donor donor = donors.isEmpty() || random.nextInt(10) == 0 ? newDonor() : donors.get(random.nextInt(donors.size()));
            String reference = "LIV-" + now.atZone(ZoneOffset.UTC).getYear() + "-" + String.format(Locale.ROOT, "%05d", ++batches);
            boolean batch = random.nextInt(10) < 7;
            int count = Math.min(devices - received, batch ? 2 + random.nextInt(38) : 1);
            List<DeviceReceived> receptions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                receptions.add(reception(donor, reference));
            }
            String conversation = uuid().toString();
            if (batch) {
                DonationBatchId batchId = DonationBatchId.of(donor.id, reference);
                Aggregate aggregate = new Aggregate("DonationBatch", batchId.value());
                emit(aggregate, new DonationBatchReceived(batchId, donor.id, reference, tick(),
                        receptions.stream().map(DeviceReceived::deviceId).toList()), STAFF, "staff", conversation);
                if (random.nextInt(10) < 7) {
                    Life confirmation = new Life();
                    confirmation.then(aggregate, at -> new DonationBatchConfirmed(batchId, "M. " + name(),
                            random.nextInt(3) == 0 ? "all there, thank you" : null), COORDINATORS, "coordinator");
                    workshop.add(confirmation);
                }
            }
            for (DeviceReceived reception : receptions) {
                Aggregate device = new Aggregate("Device", reception.deviceId().value());
                emit(device, reception, STAFF, "staff", batch ? conversation : null);
                workshop.add(life(device, reception));
                if (random.nextInt(100) < 8) {
                    workshop.add(referralNeverServed(reception.category()));
                }
            }
        }

        private Donor newDonor() throws IOException {
            DonorId id = new DonorId(uuid());
            Aggregate aggregate = new Aggregate("Donor", id.value());
            DonorKind kind = DonorKind.values()[random.nextInt(10) < 6 ? 0 : random.nextInt(4)];
            String name = switch (kind) {
                case COMPANY -> "Société " + name() + " SAS";
                case PUBLIC_BODY -> "Communauté d'agglomération " + name();
                case ASSOCIATION -> "Association " + name();
                case INDIVIDUAL -> name();
            };
            Siret siret = kind == DonorKind.COMPANY || kind == DonorKind.PUBLIC_BODY ? siret() : null;
            emit(aggregate, new DonorRegistered(id, name, kind, siret, name(), "contact" + donors.size() + "@example.org"),
                    COORDINATORS, "coordinator", null);
            LocalDate signed = LocalDate.ofInstant(tick(), ZoneOffset.UTC);
            emit(aggregate, new AgreementSigned(id, new AgreementId(uuid()), "2023-0208", name(), "Directeur",
                    signed, signed, random.nextBoolean() ? signed.plusYears(3) : null,
                    new AgreementCommitments(true, true, true, random.nextInt(4) != 0)), COORDINATORS, "coordinator", null);
            Donor donor = new Donor(aggregate, id);
            donors.add(donor);
            return donor;
        }

        private DeviceReceived reception(Donor donor, String reference) {
            received++;
            int roll = random.nextInt(100);
            DeviceCategory category = roll < 60 ? DeviceCategory.LAPTOP : roll < 90 ? DeviceCategory.DESKTOP : DeviceCategory.TABLET;
            List<StorageMedium> fitted = new ArrayList<>(2);
            fitted.add(medium(firstMedium(category)));
            int second = random.nextInt(100);
            if (category == DeviceCategory.LAPTOP && second < 25) {
                fitted.add(medium(random.nextInt(10) < 4 ? MediaType.REMOVABLE_FLASH : MediaType.HARD_DISK_DRIVE));
            } else if (category == DeviceCategory.DESKTOP && second < 40) {
                fitted.add(medium(random.nextInt(10) < 7 ? MediaType.HARD_DISK_DRIVE : MediaType.SATA_SSD));
            } else if (category == DeviceCategory.TABLET && second < 20) {
                fitted.add(medium(MediaType.REMOVABLE_FLASH));
            }
            String[] model = pick(switch (category) {
                case LAPTOP -> LAPTOPS;
                case DESKTOP -> DESKTOPS;
                case TABLET -> TABLETS;
            }).split("\\|");
            return new DeviceReceived(new DeviceId(uuid()), new AssetTag(String.format(Locale.ROOT, "OS-%06d", received)),
                    donor.id, reference, category, model[0], model[1], serial(7), fitted,
                    random.nextInt(3) == 0 ? null : pick(new String[]{"scratched lid", "no charger", "missing key",
                            "dent on the corner", "screen in good condition", "battery holds 40%"}), now);
        }

        private MediaType firstMedium(DeviceCategory category) {
            int roll = random.nextInt(100);
            return switch (category) {
                case LAPTOP -> roll < 30 ? MediaType.HARD_DISK_DRIVE : roll < 65 ? MediaType.SATA_SSD : MediaType.NVME_SSD;
                case DESKTOP -> roll < 55 ? MediaType.HARD_DISK_DRIVE : roll < 85 ? MediaType.SATA_SSD : MediaType.NVME_SSD;
                case TABLET -> MediaType.EMBEDDED_FLASH;
            };
        }

        private StorageMedium medium(MediaType type) {
            media++;
            return switch (type) {
                case HARD_DISK_DRIVE -> new StorageMedium(uuid(), type, "Seagate", "ST500LM030", "W" + serial(7), 500);
                case SATA_SSD -> new StorageMedium(uuid(), type, "Samsung", "860 EVO", "S3Z" + serial(9), 250);
                case NVME_SSD -> new StorageMedium(uuid(), type, "SK hynix", "PC401", "NS" + serial(10), 256);
                case EMBEDDED_FLASH -> new StorageMedium(uuid(), type, "Samsung", "KLMBG2JETD", null, 32);
                case REMOVABLE_FLASH -> new StorageMedium(uuid(), type, "SanDisk", "Ultra Fit", null, 16);
            };
        }

        // -- a device's life after its reception

        private Life life(Aggregate device, DeviceReceived reception) {
            Life life = new Life();
            DeviceId id = reception.deviceId();
            List<StorageMedium> fitted = new ArrayList<>(reception.storageMedia());
            if (random.nextInt(100) < 5) {
                life.then(device, at -> new DeviceDetailsCorrected(id, null, null, null, serial(7), null, null,
                        "serial number misread at reception"));
            }
            for (StorageMedium medium : reception.storageMedia()) {
                erase(life, device, id, medium, fitted);
            }
            if (random.nextInt(100) < 8) { // too old or broken to be worth refurbishing
                life.then(device, at -> new DeviceRecycled(id, pick(RECYCLERS), "REC-" + serial(6), at));
                return life;
            }
            if (reception.category() != DeviceCategory.TABLET && random.nextInt(100) < 3) {
                StorageMedium bigger = medium(MediaType.SATA_SSD);
                life.then(device, at -> new StorageMediumAdded(id, bigger, "SSD fitted for speed", at));
                fitted.add(bigger);
                sanitise(life, device, id, bigger);
            }
            refurbish(life, device, id);
            ReferralId household = give(life, device, id, reception.category());
            if (random.nextInt(100) < 3) { // given back: the household's data may be on it now
                life.then(device, at -> new DeviceReturned(id, household, pick(new String[]{"too slow for schoolwork",
                        "household received a laptop from school", "screen failed after a week"}), at));
                for (StorageMedium medium : fitted) {
                    sanitise(life, device, id, medium);
                }
                refurbish(life, device, id);
                if (random.nextBoolean()) {
                    give(life, device, id, reception.category());
                } else {
                    life.then(device, at -> new DeviceRecycled(id, pick(RECYCLERS), "REC-" + serial(6), at));
                }
            }
            return life;
        }

        /** Sanitised, after a failed attempt now and then; a drive that will not erase is destroyed and replaced. */
        private void erase(Life life, Aggregate device, DeviceId id, StorageMedium medium, List<StorageMedium> fitted) {
            boolean drive = medium.mediaType() != MediaType.EMBEDDED_FLASH && medium.mediaType() != MediaType.REMOVABLE_FLASH;
            if (drive && random.nextInt(1000) < 15) {
                SanitisationRecord attempt = record(medium, Instant.EPOCH);
                life.then(device, at -> new StorageMediumSanitisationFailed(id, withTime(attempt, at),
                        "verification failed: 37 sectors could not be rewritten"));
                life.then(device, at -> new StorageMediumDestroyed(id, medium, DestructionMethod.SHRED, pick(STAFF),
                        pick(LOCATIONS), "DES-" + serial(6), at));
                life.then(device, at -> new StorageMediumRemoved(id, medium.mediumId(), "destroyed", at));
                StorageMedium replacement = medium(medium.mediaType() == MediaType.HARD_DISK_DRIVE
                        ? MediaType.SATA_SSD : medium.mediaType());
                life.then(device, at -> new StorageMediumAdded(id, replacement, "replaces the destroyed drive", at));
                fitted.remove(medium);
                fitted.add(replacement);
                sanitise(life, device, id, replacement);
                return;
            }
            if (random.nextInt(100) < 5) {
                SanitisationRecord attempt = record(medium, Instant.EPOCH);
                life.then(device, at -> new StorageMediumSanitisationFailed(id, withTime(attempt, at),
                        pick(new String[]{"drive security-frozen by the BIOS", "tool aborted: I/O error",
                                "verification found unerased blocks"})));
            }
            sanitise(life, device, id, medium);
        }

        private void sanitise(Life life, Aggregate device, DeviceId id, StorageMedium medium) {
            SanitisationRecord record = record(medium, Instant.EPOCH);
            life.then(device, at -> new StorageMediumSanitised(id, withTime(record, at)));
        }

        private void refurbish(Life life, Aggregate device, DeviceId id) {
            life.then(device, at -> new DeviceRefurbished(id, pick(new String[]{"battery replaced", "keyboard cleaned",
                    "RAM upgraded to 8 GB", "thermal paste renewed", "nothing to do"}), pick(OPERATING_SYSTEMS),
                    pick(STAFF), at));
            while (random.nextInt(100) < 8) {
                life.then(device, at -> new QualityCheckFailed(id, "Wi-Fi drops after a few minutes", pick(STAFF), at));
                life.then(device, at -> new DeviceRefurbished(id, "Wi-Fi card replaced", pick(OPERATING_SYSTEMS),
                        pick(STAFF), at));
            }
            QualityGrade grade = QualityGrade.values()[random.nextInt(3)];
            life.then(device, at -> new QualityCheckPassed(id, grade, pick(STAFF), grade == QualityGrade.C
                    ? "visible wear on the palm rest" : null, at));
        }

        /** A household referred, accepted, allocated the device, and given it; answers its referral. */
        private ReferralId give(Life life, Aggregate device, DeviceId id, DeviceCategory category) {
            ReferralId household = new ReferralId(uuid());
            Aggregate referral = new Aggregate("Referral", household.value());
            String key = uuid().toString();
            submitted(life, referral, household, category, key);
            life.then(referral, at -> new ReferralAccepted(household, at), COORDINATORS, "coordinator");
            if (random.nextInt(100) < 3) {
                ReferralId nextInLine = new ReferralId(uuid());
                life.then(device, at -> new NextInLinePassedOver(id, nextInLine, household,
                        "the household next in line needs a larger screen"), COORDINATORS, "coordinator");
            }
            life.then(device, at -> new DeviceAllocated(id, household, at), COORDINATORS, "coordinator");
            if (random.nextInt(100) < 5) {
                life.then(device, at -> new AllocationCancelled(id, household, "the household could not come", at),
                        COORDINATORS, "coordinator");
                life.then(device, at -> new DeviceAllocated(id, household, at), COORDINATORS, "coordinator");
            }
            life.then(device, at -> new DeviceHandedOver(id, household, true, atCeremony(), at));
            life.then(referral, at -> new ReferralFulfilled(household, List.of(id), at), COORDINATORS, "coordinator");
            if (random.nextInt(100) < 15) { // the household asked to be forgotten: its key is erased
                life.then(referral, at -> new PersonalDataForgotten(household, key), COORDINATORS, "coordinator");
            }
            return household;
        }

        /** A household referred that never gets a device here: rejected, or withdrawn from the waiting list. */
        private Life referralNeverServed(DeviceCategory need) {
            Life life = new Life();
            ReferralId household = new ReferralId(uuid());
            Aggregate referral = new Aggregate("Referral", household.value());
            submitted(life, referral, household, need, uuid().toString());
            if (random.nextInt(8) < 3) {
                life.then(referral, at -> new ReferralRejected(household, "household outside the programme's area", at),
                        COORDINATORS, "coordinator");
            } else {
                life.then(referral, at -> new ReferralAccepted(household, at), COORDINATORS, "coordinator");
                life.then(referral, at -> new ReferralWithdrawn(household, "household equipped by other means", at),
                        REFERRERS, "partner");
            }
            return life;
        }

        private void submitted(Life life, Aggregate referral, ReferralId household, DeviceCategory need, String key) {
            PartnerId partner = partners.get(random.nextInt(partners.size()));
            EligibilityCriterion criterion = EligibilityCriterion.values()[random.nextInt(4)];
            int size = 1 + random.nextInt(6);
            life.then(referral, at -> new ReferralSubmitted(household, partner, "H-" + serial(8), criterion, size,
                    criterion == EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER ? Math.max(1, size - 2) : 0,
                    need, sealed(key, random.nextInt(10) == 0 ? "large print" : ""), at), REFERRERS, "partner");
        }

        /** Half the hand-overs are at a ceremony; a new one is scheduled every 300 hand-overs. */
        private CeremonyId atCeremony() {
            try {
                if (ceremony == null || ++handOvers % 300 == 0) {
                    if (ceremony != null) {
                        held(ceremony);
                    }
                    CeremonyId id = new CeremonyId(uuid());
                    ceremony = new Ceremony(new Aggregate("Ceremony", id.value()), id);
                    emit(ceremony.aggregate, new CeremonyScheduled(id, LocalDate.ofInstant(now, ZoneOffset.UTC)
                            .plusDays(10), pick(new String[]{"Hôtel de ville", "Médiathèque", "Maison des associations"})),
                            COORDINATORS, "coordinator", null);
                }
            } catch (IOException failed) {
                throw new IllegalStateException(failed);
            }
            return random.nextBoolean() ? ceremony.id : null;
        }

        private void held(Ceremony held) throws IOException {
            emit(held.aggregate, new CeremonyHeld(held.id, 20 + random.nextInt(40), 2 + random.nextInt(8)),
                    COORDINATORS, "coordinator", null);
        }

        /** A method NIST SP 800-88 accepts for the medium's type, as the workshop's tools record it. */
        private SanitisationRecord record(StorageMedium medium, Instant at) {
            int roll = random.nextInt(100);
            return switch (medium.mediaType()) {
                case HARD_DISK_DRIVE -> roll < 70
                        ? record(medium, SanitisationLevel.CLEAR, SanitisationTechnique.OVERWRITE, "nwipe", "0.37", VerificationMethod.FULL, at)
                        : roll < 90
                        ? record(medium, SanitisationLevel.PURGE, SanitisationTechnique.ATA_SECURE_ERASE, "hdparm", "9.65", VerificationMethod.SAMPLING, at)
                        : record(medium, SanitisationLevel.PURGE, SanitisationTechnique.OVERWRITE, "ShredOS", "2024.02", VerificationMethod.FULL, at);
                case SATA_SSD -> roll < 60
                        ? record(medium, SanitisationLevel.PURGE, SanitisationTechnique.ATA_SECURE_ERASE, "hdparm", "9.65", VerificationMethod.SAMPLING, at)
                        : roll < 85
                        ? record(medium, SanitisationLevel.PURGE, SanitisationTechnique.BLOCK_ERASE, "hdparm", "9.65", VerificationMethod.SAMPLING, at)
                        : record(medium, SanitisationLevel.PURGE, SanitisationTechnique.CRYPTOGRAPHIC_ERASE, "Samsung Magician", "8.1", VerificationMethod.SAMPLING, at);
                case NVME_SSD -> roll < 70
                        ? record(medium, SanitisationLevel.PURGE, SanitisationTechnique.BLOCK_ERASE, "nvme-cli sanitize", "2.4", VerificationMethod.SAMPLING, at)
                        : record(medium, SanitisationLevel.PURGE, SanitisationTechnique.CRYPTOGRAPHIC_ERASE, "nvme-cli format --ses=2", "2.4", VerificationMethod.SAMPLING, at);
                case EMBEDDED_FLASH -> roll < 50
                        ? record(medium, SanitisationLevel.PURGE, SanitisationTechnique.CRYPTOGRAPHIC_ERASE, "factory reset (encrypted storage)", "Android 11", VerificationMethod.SAMPLING, at)
                        : record(medium, SanitisationLevel.PURGE, SanitisationTechnique.BLOCK_ERASE, "mmc-utils", "0.1", VerificationMethod.SAMPLING, at);
                case REMOVABLE_FLASH -> roll < 80
                        ? record(medium, SanitisationLevel.CLEAR, SanitisationTechnique.OVERWRITE, "nwipe", "0.37", VerificationMethod.FULL, at)
                        : record(medium, SanitisationLevel.PURGE, SanitisationTechnique.BLOCK_ERASE, "ShredOS", "2024.02", VerificationMethod.FULL, at);
            };
        }

        private SanitisationRecord record(StorageMedium medium, SanitisationLevel level, SanitisationTechnique technique,
                                          String tool, String version, VerificationMethod verification, Instant at) {
            return new SanitisationRecord(medium, level, technique, tool, version, verification, pick(STAFF),
                    pick(LOCATIONS), at, HexFormat.of().formatHex(bytes(32)));
        }

        private static SanitisationRecord withTime(SanitisationRecord record, Instant at) {
            return new SanitisationRecord(record.medium(), record.level(), record.technique(), record.tool(),
                    record.toolVersion(), record.verificationMethod(), record.operator(), record.location(),
                    at.minusSeconds(1_800), record.toolReportSha256());
        }

        /** The shape of the command side's sealed personal data; random bytes, since nobody opens them here. */
        /** As long as sealed data is, accessibility needs included (sealed with the rest since revision 2). */
        private EncryptedPersonalData sealed(String key, String accessibilityNeeds) {
            Base64.Encoder base64 = Base64.getEncoder();
            return new EncryptedPersonalData(key, base64.encodeToString(bytes(12)),
                    base64.encodeToString(bytes(140 + random.nextInt(80) + accessibilityNeeds.length())));
        }

        // -- one row of the event table

        private Instant tick() {
            now = now.plusMillis(200 + random.nextInt(60_000));
            return now;
        }

        private void emit(Aggregate aggregate, Object event, String[] users, String role, String conversation)
                throws IOException {
            SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
            Map<String, Object> origin = new HashMap<>();
            String user = pick(users);
            origin.put(EventMetadata.USER_ID, user);
            origin.put(EventMetadata.USER_ROLE, role);
            String command = uuid().toString();
            if (random.nextInt(10) < 3) {
                origin.put(EventMetadata.COMMAND_ID, command);
            }
            origin.put(EventMetadata.CAUSATION_ID, command);
            origin.put(EventMetadata.CORRELATION_ID, conversation == null ? command : conversation);
            SerializedObject<byte[]> metaData = serializer.serialize(MetaData.from(origin), byte[].class);
            out.writeShort(10);
            number(++globalIndex);
            text(aggregate.id);
            number(aggregate.sequence++);
            text(aggregate.type);
            text(uuid().toString());
            binary(metaData.getData());
            binary(payload.getData());
            text(payload.getType().getRevision());
            text(payload.getType().getName());
            text(DateTimeUtils.formatInstant(now));
            bytes += payload.getData().length + metaData.getData().length;
            byType.merge(event.getClass().getSimpleName(), 1L, Long::sum);
        }

        private void number(long value) throws IOException {
            out.writeInt(Long.BYTES);
            out.writeLong(value);
        }

        private void text(String value) throws IOException {
            binary(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        private void binary(byte[] value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }

        // -- quick, seeded randomness (UUID.randomUUID would ask the system's secure source a few million times)

        private UUID uuid() {
            return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
        }

        private byte[] bytes(int count) {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++) {
                bytes[i] = (byte) random.nextInt(256);
            }
            return bytes;
        }

        private String serial(int length) {
            StringBuilder serial = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                serial.append("0123456789ABCDEFGHJKLMNPRSTVWXYZ".charAt(random.nextInt(32)));
            }
            return serial.toString();
        }

        private String name() {
            return pick(new String[]{"Durand", "Lefebvre", "Morel", "Fournier", "Blanc", "Guerin", "Boyer", "Roux",
                    "Colin", "Renaud", "Brunet", "Picard"}) + " " + (char) ('A' + random.nextInt(26)) + ".";
        }

        /** 14 digits passing the Luhn check, as {@link Siret} requires. */
        private Siret siret() {
            int[] digits = new int[14];
            do {
                digits[0] = 1 + random.nextInt(9);
                for (int i = 1; i < 13; i++) {
                    digits[i] = random.nextInt(10);
                }
            } while (digits[0] == 3 && digits[1] == 5 && digits[2] == 6); // not La Poste's SIREN prefix
            int sum = 0;
            for (int i = 0; i < 13; i++) { // from the right, the check digit at position 0
                int digit = digits[12 - i];
                if (i % 2 == 0) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            digits[13] = (10 - sum % 10) % 10;
            StringBuilder text = new StringBuilder(14);
            for (int digit : digits) {
                text.append(digit);
            }
            return new Siret(text.toString());
        }

        private String pick(String[] choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
