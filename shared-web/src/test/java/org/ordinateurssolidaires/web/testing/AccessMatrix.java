package org.ordinateurssolidaires.web.testing;

import org.ordinateurssolidaires.web.security.Role;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked operation by operation against a running app: every operation of its API
 * description, called by each kind of {@link Caller}, gets the answer its rule gives that caller — 401 for an
 * anonymous caller, 403 for a role the rule leaves out, 404 for a partner or a donor asking for another's thing,
 * and otherwise the operation's own answer to the request sent (the {@code answer} of its {@link Rule}). An
 * operation of the description without a rule here, or a rule for an operation the description lacks, fails
 * the check: the matrix and the API cannot drift apart.
 */
public final class AccessMatrix {

    /** The callers every operation is tried with; A's things are the ones the requests name. */
    public enum Caller {
        ANONYMOUS(null), ADMIN(Role.ADMIN), STAFF(Role.STAFF), PARTNER_A(Role.PARTNER), PARTNER_B(Role.PARTNER),
        DONOR_A(Role.DONOR), DONOR_B(Role.DONOR), AUDITOR(Role.AUDITOR);

        private final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /** Whose thing an operation's path names: partner A's or donor A's, or nobody's in particular. */
    public enum Owner { NOBODY, PARTNER_A, DONOR_A }

    /**
     * One operation's rule, keyed as {@code "POST /api/devices"}: the roles it allows (none: anyone, signed in or
     * not), whose thing it names, the request sent (a JSON body of its own, or {@code {}}) and the answer the
     * allowed callers get to it, and what to wait for before each call.
     */
    public record Rule(String operation, int answer, Set<Role> roles, Owner owner, Supplier<Object> body,
                       MediaType contentType, Runnable awaited) {

        public static Rule rule(String operation, int answer, Role... roles) {
            return new Rule(operation, answer, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)),
                    Owner.NOBODY, null, null, () -> { });
        }

        public Rule ownedBy(Owner owner) {
            return new Rule(operation, answer, roles, owner, body, contentType, awaited);
        }

        public Rule sending(Supplier<Object> body) {
            return new Rule(operation, answer, roles, owner, body, contentType, awaited);
        }

        public Rule sending(MediaType contentType, Object body) {
            return new Rule(operation, answer, roles, owner, () -> body, contentType, awaited);
        }

        /** An operation whose answer depends on work an earlier one began in the background: waits for it first. */
        public Rule after(Runnable awaited) {
            return new Rule(operation, answer, roles, owner, body, contentType, awaited);
        }

        int expectedFor(Caller caller) {
            if (roles.isEmpty()) {
                return answer;
            }
            if (caller == Caller.ANONYMOUS) {
                return 401;
            }
            if (!roles.contains(caller.role)) {
                return 403;
            }
            if (owner == Owner.PARTNER_A && caller == Caller.PARTNER_B
                || owner == Owner.DONOR_A && caller == Caller.DONOR_B) {
                return 404;
            }
            return answer;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final TestRestTemplate http;
    private final Map<Caller, TestRestTemplate> clients = new LinkedHashMap<>();

    /**
     * Opens the matrix's accounts (partner A and B, donor A and B, an auditor) bound to the ids given, beside the
     * test accounts of staff and admin.
     */
    public AccessMatrix(TestRestTemplate http, JdbcTemplate jdbc, PasswordEncoder passwords, UUID partnerA,
                        UUID partnerB, UUID donorA, UUID donorB) {
        this.http = http;
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<Caller, String> usernames = Map.of(Caller.PARTNER_A, "matrix-partner-a-" + run,
                Caller.PARTNER_B, "matrix-partner-b-" + run, Caller.DONOR_A, "matrix-donor-a-" + run,
                Caller.DONOR_B, "matrix-donor-b-" + run, Caller.AUDITOR, "matrix-auditor-" + run);
        TestAccounts.open(jdbc, passwords, usernames.get(Caller.PARTNER_A), "partner", partnerA, null);
        TestAccounts.open(jdbc, passwords, usernames.get(Caller.PARTNER_B), "partner", partnerB, null);
        TestAccounts.open(jdbc, passwords, usernames.get(Caller.DONOR_A), "donor", null, donorA);
        TestAccounts.open(jdbc, passwords, usernames.get(Caller.DONOR_B), "donor", null, donorB);
        TestAccounts.open(jdbc, passwords, usernames.get(Caller.AUDITOR), "auditor", null, null);
        clients.put(Caller.ANONYMOUS, TestAccounts.anonymous(http));
        clients.put(Caller.ADMIN, http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD));
        clients.put(Caller.STAFF, http);
        usernames.forEach((caller, username) -> clients.put(caller, http.withBasicAuth(username,
                TestAccounts.PASSWORD)));
    }

    /** The client that signs in as the caller given. */
    public TestRestTemplate as(Caller caller) {
        return clients.get(caller);
    }

    /**
     * Calls every operation of the app's API description as every caller, the path's placeholders filled from
     * {@code pathValues} (a random UUID for any other), and fails with every answer that broke its rule.
     */
    public void assertEveryAnswer(List<Rule> rules, Map<String, String> pathValues) {
        JsonNode api = JsonMapper.builder().build().readTree(http.getForObject("/v3/api-docs", String.class));
        Set<String> described = new TreeSet<>();
        Map<String, Boolean> takesJson = new LinkedHashMap<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String key = operation.getKey().toUpperCase() + " " + path.getKey();
            described.add(key);
            takesJson.put(key, operation.getValue().at("/requestBody/content").has("application/json"));
        }));
        Set<String> ruled = new TreeSet<>(rules.stream().map(Rule::operation).toList());
        assertThat(ruled).as("every operation of the API description has a rule here, and no other")
                         .isEqualTo(described);

        List<String> broken = new ArrayList<>();
        for (Rule rule : rules) {
            for (Caller caller : Caller.values()) {
                rule.awaited().run();
                int answer = send(clients.get(caller), rule, takesJson.get(rule.operation()), pathValues);
                int expected = rule.expectedFor(caller);
                if (answer != expected) {
                    broken.add(rule.operation() + " as " + caller + ": " + answer + ", expected " + expected);
                }
            }
        }
        assertThat(broken).as("answers that broke their rule").isEmpty();
    }

    private static int send(TestRestTemplate client, Rule rule, boolean takesJson, Map<String, String> pathValues) {
        String[] methodAndPath = rule.operation().split(" ", 2);
        Matcher placeholders = PLACEHOLDER.matcher(methodAndPath[1]);
        String path = placeholders.replaceAll(placeholder -> pathValues.getOrDefault(placeholder.group(1),
                UUID.randomUUID().toString()));
        HttpHeaders headers = new HttpHeaders();
        Object body = rule.body() == null ? null : rule.body().get();
        if (rule.contentType() != null) {
            headers.setContentType(rule.contentType());
        } else if (takesJson) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = body == null ? Map.of() : body;
        }
        return client.exchange(path, HttpMethod.valueOf(methodAndPath[0]), new HttpEntity<>(body, headers),
                byte[].class).getStatusCode().value();
    }
}
