package org.ordinateurssolidaires.command;

import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.web.testing.AccessRules;
import org.ordinateurssolidaires.web.testing.ApiDescriptions;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers rely on: health, Axon's metrics, and an API description that is current. */
class OperationsEndpointsIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping operations;

    /** Signed in with HTTP Basic, except the public operations; linted with Redocly's recommended rules. */
    @Test
    void describesHowToSignInToEachOperation() throws Exception {
        ApiDescriptions.assertSignInDeclaredAndLinted(http.getForObject("/v3/api-docs", String.class), "command-side");
    }

    /** Refusals as problems; every command's 409 and an account's; a reception's 201, as it answers. */
    @Test
    void describesWhatEachOperationAnswersAsItAnswers() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        ApiDescriptions.assertRefusalsDescribed(api);
        api.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(operation -> operation.getValue().path("parameters").findValuesAsString("name")
                                              .contains("Idempotency-Key"))
                .forEach(command -> {
                    assertThat(command.getValue().at("/responses/409/description").asString())
                            .as("%s %s", command.getKey(), path.getKey()).isNotEmpty();
                    // a step on one device takes its version (the device view's ETag); any other change takes *
                    // (the hand-over goes with its household's, which acts on several devices)
                    boolean onOneDevice = path.getKey().startsWith("/api/devices/{deviceId}/")
                                          && !path.getKey().endsWith("/hand-over");
                    assertThat(command.getValue().path("parameters").findValuesAsString("name"))
                            .as("%s %s", command.getKey(), path.getKey()).is(new Condition<>(
                                    names -> names.contains("If-Match") == onOneDevice, "If-Match where it holds"));
                    assertThat(command.getValue().at("/responses/412/description").asString())
                            .as("%s %s", command.getKey(), path.getKey())
                            .startsWith(onOneDevice ? "the If-Match header names a version" : "an If-Match header");
                }));
        assertThat(api.at("/paths/~1api~1accounts/post/responses/409/content/application~1problem+json/schema/$ref")
                      .asString()).as("an account of that name exists").endsWith("Problem");
        assertThat(api.at("/paths/~1api~1devices/post/responses").propertyNames()).contains("201")
                                                                                 .doesNotContain("200");
        assertThat(api.at("/paths/~1api~1devices/post/responses/201/content/application~1json/schema/$ref")
                      .asString()).endsWith("Received");
        assertThat(api.at("/paths/~1api~1donors~1{donorId}~1batches/post/requestBody/content").propertyNames())
                .as("a delivery's file").containsExactly("text/csv");
    }

    @Test
    void everyOperationStatesWhoMayCallIt() {
        AccessRules.assertEveryOperationStatesWhoMayCallIt(operations, "org.ordinateurssolidaires.command");
    }

    /** A client's form can check an address as an e-mail address, as the API does. */
    @Test
    void describesAnEmailAddressAsOne() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        JsonNode address = api.at("/components/schemas/Register/properties/contactEmail");
        assertThat(address.path("format").asString()).isEqualTo("email");
        assertThat(address.path("maxLength").asInt()).isEqualTo(200);
    }

    @Test
    void describesEveryCommandWithTheHeadersItReads() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("paths").propertyNames()).contains("/api/devices",
                "/api/devices/{deviceId}/media/{mediumId}/sanitisations", "/api/devices/{deviceId}/hand-over",
                "/api/devices/{deviceId}/recycling", "/api/devices/{deviceId}/corrections")
                .doesNotContain("/error"); // the container's error page is no operation
        JsonNode handOver = api.at("/paths/~1api~1devices~1{deviceId}~1hand-over/post/parameters");
        assertThat(handOver.findValuesAsString("name")).contains("deviceId", "Idempotency-Key")
                                                     .doesNotContain("origin", "X-User-Id", "X-User-Role");
    }

    /**
     * Each JSON body is described by its own record: two records of one simple name (a device's and a donor's
     * {@code Correct}) would otherwise share one schema, the last one read, and a client following it would send
     * fields the operation refuses.
     */
    @Test
    void describesEachRequestBodyWithTheFieldsOfItsOwnRecord() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        int described = 0;
        for (var operation : operations.getHandlerMethods().entrySet()) {
            for (MethodParameter parameter : operation.getValue().getMethodParameters()) {
                Class<?> body = parameter.getParameterType();
                if (!parameter.hasParameterAnnotation(RequestBody.class) || !body.isRecord()) {
                    continue;
                }
                Set<String> fields = Arrays.stream(body.getRecordComponents()).map(RecordComponent::getName)
                                           .collect(Collectors.toSet());
                for (String path : operation.getKey().getPatternValues()) {
                    for (RequestMethod method : operation.getKey().getMethodsCondition().getMethods()) {
                        String schema = api.at("/paths/" + path.replace("/", "~1") + "/" + method.name().toLowerCase()
                                               + "/requestBody/content/application~1json/schema/$ref").asString("");
                        JsonNode properties = api.at("/components/schemas/"
                                                     + schema.substring(schema.lastIndexOf('/') + 1) + "/properties");
                        assertThat(properties.propertyNames()).as(method + " " + path + " (" + schema + ")")
                                .isNotEmpty().isSubsetOf(fields);
                        described++;
                    }
                }
            }
        }
        assertThat(described).as("operations with a JSON body").isGreaterThan(30);
    }

    @Test
    void reportsHealthAndAxonMetrics() {
        // a command for an unknown device still goes through the command bus, which is what is measured
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asString()).isEqualTo("UP");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.postForEntity("/api/devices/" + UUID.randomUUID() + "/return", new HttpEntity<>(
                Map.of("reason", "metrics probe", "returnedAt", "2026-03-02T09:00:00Z"), headers), String.class);

        http.postForEntity("/api/donors", new HttpEntity<>(Map.of("legalName", "Régie de quartier", "kind",
                "ASSOCIATION", "contactPerson", "Lucie Petit", "contactEmail", "lucie@example.org"), headers),
                String.class);

        ResponseEntity<String> scraped = http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                                             .getForEntity("/actuator/prometheus", String.class);
        assertThat(scraped.getHeaders().getContentType().getParameter("version"))
                .as("the format's version, as the actuator names it").isNotBlank();
        String metrics = scraped.getBody();
        assertThat(metrics).contains("commandBus_");
        // the processors that see each command's events count them, and do no more (ProcessorMetrics)
        assertThat(metrics.lines().filter(line -> line.startsWith("eventProcessor_ingestedCounter_total{")))
                .anySatisfy(line -> assertThat(line).contains("processorName=\"siret-registry\""));
        assertThat(metrics.lines().filter(line -> line.startsWith("eventProcessor_")))
                .noneSatisfy(line -> assertThat(line).containsAnyOf("Timer", "capacity", "latency"));
    }
}
