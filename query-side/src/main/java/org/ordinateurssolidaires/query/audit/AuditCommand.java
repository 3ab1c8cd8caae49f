package org.ordinateurssolidaires.query.audit;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.query.audit.HistoryAudit.PublishedLink;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The auditor's replay from the command line, against the database itself with read-only credentials, for
 * scripts: exit code 0 when clean, 1 when erasure rules were broken, 2 when the history was altered (or a
 * published link does not match, or no chain is recorded), 64 for a wrong command line (or a published position
 * where no event is stored), 70 when the check could not run. Starts no Spring
 * application and writes nothing. Run from the query side's jar (deploy/audit.sh):
 * <pre>java -Dloader.main=org.ordinateurssolidaires.query.audit.AuditCommand -jar query-side-exec.jar \
 *     --url jdbc:postgresql://db/ordinateurs_solidaires --user auditor [--published 1234:9f86d0...] \
 *     [--policy HARD_DISK_DRIVE=PURGE/*&#47;*,CLEAR/OVERWRITE/FULL] [--json report.json]</pre>
 * The password comes from {@code ORDINATEURS_AUDIT_PASSWORD}, never from the command line.
 */
public final class AuditCommand {

    static final int CLEAN = 0;
    static final int RULES_BROKEN = 1;
    static final int HISTORY_ALTERED = 2;
    static final int USAGE = 64;
    static final int FAILED = 70;

    private AuditCommand() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args, System.getenv("ORDINATEURS_AUDIT_PASSWORD"), System.out, System.err);
        } catch (Throwable broken) { // never 1, which means broken rules
            System.err.println("the audit could not run: " + broken);
            exitCode = FAILED;
        }
        System.exit(exitCode);
    }

    static int run(String[] args, String password, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrong) {
            err.println(wrong.getMessage());
            err.println("usage: --url JDBC_URL [--user USER] [--published POSITION:SHA256] "
                    + "[--policy MEDIA_TYPE=LEVEL/TECHNIQUE/VERIFICATION,...]... [--json FILE]");
            return USAGE;
        }
        try (Connection connection = DriverManager.getConnection(options.url(), credentials(options.user(), password))) {
            if (options.published() != null && !HistoryAudit.eventAt(connection, options.published().globalIndex())) {
                err.println("no event is stored at position " + options.published().globalIndex()
                        + ": check the published link's position");
                return USAGE;
            }
            AuditReport report = new HistoryAudit(options.policy(), EventSerialization.upcasters(), Clock.systemUTC())
                    .run(connection, options.published());
            print(report, out);
            if (options.json() != null) {
                Files.write(options.json(), EventSerialization.objectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
            }
            boolean altered = !report.tampering().isEmpty()
                    || (report.publishedLink() != null && !report.publishedLink().matches());
            return altered ? HISTORY_ALTERED : report.violations().isEmpty() ? CLEAN : RULES_BROKEN;
        } catch (SQLException | IOException | RuntimeException failed) {
            err.println("the audit could not run: " + failed.getMessage());
            return FAILED;
        }
    }

    /** No password given: the driver's own sources (PostgreSQL's .pgpass) still apply. */
    private static Properties credentials(String user, String password) {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        return credentials;
    }

    private static void print(AuditReport report, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d events and %d devices checked in %d ms%n",
                report.clean() ? "CLEAN" : "NOT CLEAN", report.eventsChecked(), report.devicesChecked(), report.millis());
        ChainHead head = report.chainHead();
        out.println(head == null ? "history chain: none recorded in this database"
                : "history chain head: position " + head.globalIndex() + " " + head.link()
                + " (" + report.eventsNotYetLinked() + " later events not linked yet)");
        if (report.publishedLink() != null) {
            out.println("published link at " + report.publishedLink().globalIndex() + ": "
                    + (report.publishedLink().matches() ? "matches" : "DOES NOT MATCH (recomputed "
                    + report.publishedLink().recomputed() + ")"));
        }
        report.tampering().forEach(found -> out.printf(Locale.ROOT, "ALTERED %s at position %d: event %s (%s #%d, %s)%n",
                found.kind(), found.globalIndex(), found.eventIdentifier(), found.aggregateIdentifier(),
                found.sequenceNumber(), found.event()));
        report.violations().forEach(violation -> out.printf(Locale.ROOT, "VIOLATION %s at position %d: device %s (%s), %s: %s%n",
                violation.rule(), violation.globalIndex(), violation.deviceId(), violation.assetTag(),
                violation.event(), violation.detail()));
    }

    private record Options(String url, String user, PublishedLink published, ErasurePolicy policy, Path json) {

        static Options parse(String[] args) {
            String url = null;
            String user = null;
            PublishedLink published = null;
            Path json = null;
            Map<MediaType, List<String>> policy = new EnumMap<>(MediaType.class);
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--user" -> user = value;
                    case "--json" -> json = Path.of(value);
                    case "--published" -> published = published(value);
                    case "--policy" -> {
                        String[] typeAndKinds = value.split("=", 2);
                        if (typeAndKinds.length != 2) {
                            throw new IllegalArgumentException("--policy is MEDIA_TYPE=KIND,KIND: " + value);
                        }
                        policy.put(mediaType(typeAndKinds[0]), Arrays.asList(typeAndKinds[1].split(",")));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            return new Options(url, user, published, new ErasurePolicy(policy), json);
        }

        private static PublishedLink published(String value) {
            String[] parts = value.split(":", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,18}") || !parts[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("--published is POSITION:SHA256 (64 hex digits): " + value);
            }
            return new PublishedLink(Long.parseLong(parts[0]), parts[1].toLowerCase(Locale.ROOT));
        }

        private static MediaType mediaType(String name) {
            try {
                return MediaType.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(name + " is none of " + Arrays.toString(MediaType.values()));
            }
        }
    }
}
