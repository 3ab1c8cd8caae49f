package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless callers, generated: 10,000 requests built from the command side's own OpenAPI description
 * (drawn with a fixed seed, printed; {@code -Dgenerated.seed} draws others), to every operation it describes. Each request names ids that
 * exist or not, and carries a body that follows the described schema or breaks it — a field missing, null, of
 * another type, too long, out of its list, with control characters or markup — or is no JSON object at all. Every
 * request carries its own {@code Idempotency-Key}. No answer may be a 5xx, and nothing a refused request sent may
 * be stored: every event stored during the run belongs to a request answered 2xx (its key is the event's
 * correlation id).
 */
class GeneratedRequestsIT extends CommandSideIntegrationTest {

    private static final int REQUESTS = 10_000;
    private static final long SEED = Long.getLong("generated.seed", 20261130L);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a caller may send where a value is expected, whatever the schema says. */
    private static final List<Object> BAD_VALUES = List.of("", "   ", -1, 0, 2_147_483_648L, 1.5, true, "texte",
            List.of(), Map.of(), "x".repeat(5_000), "nul\u0000", "é\u001B[31m", "<script>alert(1)</script>",
            "'; drop table domainEventEntry; --", "2026-02-30T10:00:00Z", "9999-12-31T23:59:59Z",
            "1970-01-01T00:00:00Z", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "🙂🖥️", "../../etc/passwd");
    /** Bodies that are no JSON object, or not one a parser should accept. */
    private static final List<String> NOT_AN_OBJECT = List.of("", "{", "[]", "null", "\"texte\"", "42", "{}{}",
            "{\"a\":1,\"a\":2}", "[".repeat(5_000), "{\"x\":" + "9".repeat(400) + "}", "\uFEFF{}");

    private static final String NOBODY = "00000000-0000-4000-8000-000000000001";
    private static final List<String> NOT_AN_ID = List.of("x", "..", "%00", "1e9", " ", "é",
            "00000000-0000-0000-0000-00000000000g", "a".repeat(300));
    private static final String WORD_CHARACTERS = "abcdefghijklmnopqrstuvwxyz éÉ-'";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private record Operation(String method, String path, JsonNode body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Request(Operation operation, String path, String body, UUID key) {
    }

    private record Answer(Request request, int status, String body) {
    }

    @Test
    void noGeneratedRequestIsAnswered5xxAndNoRefusedOneStoresAnything() throws Exception {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);
        Map<String, List<String>> ids = knownIds();
        List<Operation> operations = operations(description);
        assertThat(operations).as("operations described").hasSizeGreaterThan(20);

        Generator generator = new Generator(description, ids, SEED);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.request(operations));
        }
        long before = jdbc.queryForObject("select coalesce(max(globalIndex), 0) from domainEventEntry", Long.class);

        List<Answer> answers = send(requests);

        Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
        answers.forEach(answer -> byOperation.computeIfAbsent(answer.request().operation().toString(),
                operation -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum));
        long accepted = answers.stream().filter(answer -> answer.status() / 100 == 2).count();
        System.out.printf("%d generated requests (seed %d), %d accepted; answers by operation: %s%n", REQUESTS, SEED,
                accepted, byOperation);
        assertThat(answers.stream().filter(answer -> answer.status() >= 500)
                          .map(answer -> answer.status() + " to " + answer.request().operation() + " "
                                  + answer.request().path() + " with " + abbreviated(answer.request().body()) + ": "
                                  + abbreviated(answer.body()))
                          .toList()).as("requests answered 5xx").isEmpty();
        assertThat(accepted).as("requests the command side accepted: the generator reaches the rules")
                            .isGreaterThan(REQUESTS / 50);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        answers.stream().filter(answer -> answer.status() / 100 == 2)
               .forEach(answer -> acknowledged.add(answer.request().key().toString()));
        List<String> storedFor = jdbc.queryForList("select coalesce(convert_from(metaData, 'UTF8')::json->>'correlationId',"
                + " '(none)') from domainEventEntry where globalIndex > ?", String.class, before);
        assertThat(storedFor).as("events stored by the generated requests").isNotEmpty();
        assertThat(storedFor.stream().filter(key -> !acknowledged.contains(key)).distinct().toList())
                .as("keys of events stored for requests that were not answered 2xx").isEmpty();
    }

    private List<Answer> send(List<Request> requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (Request request : requests) {
                answers.add(clients.submit(() -> {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + request.path()))
                            .method(request.operation().method(), HttpRequest.BodyPublishers.ofString(request.body()))
                            .header("Authorization", TestAccounts.authorization())
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", request.key().toString())
                            .timeout(Duration.ofSeconds(30))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    return new Answer(request, response.statusCode(), response.body());
                }));
            }
            List<Answer> all = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                all.add(answer.get());
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Ids that exist, by the name a path or a body gives them, for requests to reach the rules beyond the 404. */
    private Map<String, List<String>> knownIds() {
        String donor = StaffRequests.donorWithAgreement(http);
        String referral = StaffRequests.acceptedReferral(http, "LAPTOP");
        String ready = StaffRequests.readyLaptop(http, donor);
        JsonNode received = http.postForObject("/api/devices", new HttpEntity<>(Map.of("assetTag", "GEN-0001",
                "donorId", donor, "donationBatchReference", "LIV-2026-05", "category", "LAPTOP", "manufacturer",
                "Dell", "model", "Latitude 5490", "storageMedia", List.of(Map.of("mediaType", "HARD_DISK_DRIVE",
                        "serialNumber", "WD-GEN-1")), "receivedAt", "2026-05-02T09:00:00Z"),
                StaffRequests.headers()), JsonNode.class);
        String partner = jdbc.queryForObject("select convert_from(payload, 'UTF8')::json->>'partnerId'"
                + " from domainEventEntry where payloadType like '%.PartnerRegistered' limit 1", String.class);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("donorId", List.of(donor));
        ids.put("referralId", List.of(referral));
        ids.put("partnerId", List.of(partner));
        ids.put("deviceId", List.of(ready, received.get("deviceId").asString()));
        ids.put("mediumId", List.of(received.at("/storageMedia/0/mediumId").asString()));
        return ids;
    }

    /** Every operation that takes a request: its method, its path and the schema of its JSON body, if any. */
    private static List<Operation> operations(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (Set.of("post", "put", "patch", "delete").contains(method.getKey())) {
                JsonNode body = method.getValue().at("/requestBody/content/application~1json/schema");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                        body.isMissingNode() ? null : body));
            }
        }));
        return operations;
    }

    /** Requests drawn from the description, the same ones for the same seed. */
    private static final class Generator {

        private final JsonNode description;
        private final Map<String, List<String>> ids;
        private final Random random;

        Generator(JsonNode description, Map<String, List<String>> ids, long seed) {
            this.description = description;
            this.ids = ids;
            this.random = new Random(seed);
        }

        Request request(List<Operation> operations) {
            Operation operation = operations.get(random.nextInt(operations.size()));
            return new Request(operation, path(operation.path()), body(operation), anyId());
        }

        /** The path with each parameter an id that exists, an id that does not, or something else altogether. */
        private String path(String template) {
            return PATH_PARAMETER.matcher(template).replaceAll(parameter -> {
                int draw = random.nextInt(10);
                String value = draw < 8 ? oneOf(ids.getOrDefault(parameter.group(1), List.of(NOBODY)))
                        : draw == 8 ? anyId().toString() : oneOf(NOT_AN_ID);
                return Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            });
        }

        /** A body that follows the schema, one that breaks it in one place, or text that is no JSON object. */
        private String body(Operation operation) {
            int draw = random.nextInt(10);
            if (operation.body() == null) {
                return draw < 8 ? "" : oneOf(NOT_AN_OBJECT);
            }
            if (draw == 9) {
                return oneOf(NOT_AN_OBJECT);
            }
            Object value = value(operation.body(), "", 0);
            return JSON.writeValueAsString(draw < 5 ? value : broken(value));
        }

        /** A value as the schema describes it; ids are those that exist where the name says what they are. */
        private Object value(JsonNode schema, String name, int depth) {
            schema = resolved(description, schema);
            if (schema.has("enum")) {
                List<String> values = new ArrayList<>();
                schema.get("enum").forEach(value -> values.add(value.asString()));
                return oneOf(values);
            }
            return switch (type(schema)) {
                case "object" -> object(schema, depth);
                case "array" -> {
                    int min = schema.path("minItems").asInt(0);
                    int size = min + random.nextInt(Math.max(1, Math.min(schema.path("maxItems").asInt(3), 3) - min + 1));
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        items.add(value(schema.path("items"), name.endsWith("s") ? name.substring(0,
                                name.length() - 1) : name, depth + 1));
                    }
                    yield items;
                }
                case "integer", "number" -> {
                    int min = schema.path("minimum").asInt(0);
                    yield min + random.nextInt(Math.max(1, Math.min(schema.path("maximum").asInt(12), 1_000) - min + 1));
                }
                case "boolean" -> random.nextBoolean();
                default -> text(schema, name);
            };
        }

        private Object object(JsonNode schema, int depth) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (depth > 4 || !schema.has("properties")) {
                return object;
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(field -> required.add(field.asString()));
            // a required field is nearly always there; an optional one often is not
            schema.get("properties").properties().forEach(property -> {
                if (random.nextInt(100) < (required.contains(property.getKey()) ? 98 : 60)) {
                    object.put(property.getKey(), value(property.getValue(), property.getKey(), depth + 1));
                }
            });
            return object;
        }

        /** Text of the schema's format: an id that exists, a date, an address, its example, or a few words. */
        private String text(JsonNode schema, String name) {
            return switch (schema.path("format").asString("")) {
                case "date-time" -> oneOf(List.of("2026-05-02T09:00:00Z", "2026-06-10T14:30:00Z",
                        "2026-07-01T08:00:00+02:00"));
                case "date" -> oneOf(List.of("2026-05-02", "2020-01-01", "2026-06-10"));
                case "email" -> oneOf(List.of("claire@example.org", "ccas@poitiers.fr"));
                case "uuid" -> ids.containsKey(name) && random.nextInt(5) > 0 ? oneOf(ids.get(name))
                        : anyId().toString();
                default -> {
                    if (schema.has("example") && random.nextInt(4) > 0) {
                        yield schema.get("example").asString();
                    }
                    int length = Math.max(1, schema.path("minLength").asInt(1))
                            + random.nextInt(Math.min(schema.path("maxLength").asInt(30), 30));
                    StringBuilder text = new StringBuilder("Valeur ");
                    for (int i = 0; i < length; i++) {
                        text.append(WORD_CHARACTERS.charAt(random.nextInt(WORD_CHARACTERS.length())));
                    }
                    yield text.toString();
                }
            };
        }

        /** The value with one of its fields, at any depth, left out, null, or given a bad value; or a field added. */
        @SuppressWarnings("unchecked")
        private Object broken(Object value) {
            List<Map<String, Object>> objects = new ArrayList<>();
            collectObjects(value, objects);
            Object bad = oneOf(BAD_VALUES);
            if (objects.isEmpty()) {
                return bad;
            }
            Map<String, Object> target = objects.get(random.nextInt(objects.size()));
            List<String> fields = new ArrayList<>(target.keySet());
            String field = fields.isEmpty() ? "unexpected" : fields.get(random.nextInt(fields.size()));
            switch (random.nextInt(5)) {
                case 0 -> target.remove(field);
                case 1 -> target.put(field, null);
                case 2 -> target.put("unexpected", bad);
                default -> target.put(field, bad);
            }
            return value;
        }

        private UUID anyId() {
            return new UUID(random.nextLong(), random.nextLong());
        }

        private <T> T oneOf(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectObjects(Object value, List<Map<String, Object>> objects) {
        if (value instanceof Map<?, ?> map) {
            objects.add((Map<String, Object>) map);
            map.values().forEach(nested -> collectObjects(nested, objects));
        } else if (value instanceof List<?> list) {
            list.forEach(nested -> collectObjects(nested, objects));
        }
    }

    /** A schema, its reference followed (and the first of a choice taken). */
    private static JsonNode resolved(JsonNode description, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return resolved(description, description.at("/components/schemas/" + name));
        }
        for (String choice : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return resolved(description, schema.get(choice).get(0));
            }
        }
        return schema;
    }

    /** The schema's type; OpenAPI 3.1 may list several, null among them. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!"null".equals(one.asString())) {
                    return one.asString();
                }
            }
        }
        return type.asString(schema.has("properties") ? "object" : "string");
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
