package org.ordinateurssolidaires.web.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Checks on an app's API description, as it publishes it at {@code /v3/api-docs}. */
public final class ApiDescriptions {

    private static final String REDOCLY = "@redocly/cli@2.77.0";

    private ApiDescriptions() {
    }

    /**
     * Every operation says how to sign in to it: HTTP Basic, or nothing ({@code security: []}) for exactly the
     * public operations given as {@code "post /path"}; and Redocly's linter finds no error with its recommended
     * rules (it wants security declared on every operation, among others).
     */
    public static void assertSignInDeclaredAndLinted(String apiDescription, String name, String... publicOperations)
            throws IOException, InterruptedException {
        JsonNode api = JsonMapper.builder().build().readTree(apiDescription);
        assertThat(api.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        List<String> withoutSignIn = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode security = operation.getValue().get("security");
            assertThat(security).as("%s %s", operation.getKey(), path.getKey()).isNotNull();
            if (security.isEmpty()) {
                withoutSignIn.add(operation.getKey() + " " + path.getKey());
            } else {
                assertThat(security.get(0).has("basic")).as("%s %s", operation.getKey(), path.getKey()).isTrue();
            }
        }));
        assertThat(withoutSignIn).containsExactlyInAnyOrder(publicOperations);
        assertLintedWithoutErrors(apiDescription, name);
    }

    /**
     * Every operation describes its refusals as problems of the one schema: 400 and 503 everywhere, 404 where its
     * path names something; and no answer of an unnamed type ({@code *}{@code /*}).
     */
    public static void assertRefusalsDescribed(JsonNode api) {
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().get("responses");
            String named = operation.getKey() + " " + path.getKey();
            List<String> statuses = new ArrayList<>(List.of("400", "503"));
            if (path.getKey().contains("{")) {
                statuses.add("404");
            }
            for (String status : statuses) {
                assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                        .as("%s %s", named, status).isEqualTo("#/components/schemas/Problem");
            }
            assertThat(responses.findValues("content")).as(named)
                    .allSatisfy(content -> assertThat(content.propertyNames()).doesNotContain("*/*"));
        }));
        assertThat(api.at("/components/schemas/Problem/properties").propertyNames())
                .contains("status", "detail", "errors", "rule");
    }

    /**
     * Redocly's linter with its recommended rules, the version pinned, run through {@code npx} (Node.js is needed
     * only for this check: where it is missing, the check is skipped).
     */
    private static void assertLintedWithoutErrors(String apiDescription, String name) throws IOException, InterruptedException {
        assumeTrue(onPath("npx"), "Node.js (npx) is not installed");
        Path file = Path.of("target", name + "-openapi.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, apiDescription, StandardCharsets.UTF_8);
        Path report = Path.of("target", name + "-openapi-lint.txt").toAbsolutePath();
        ProcessBuilder lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", "--extends=recommended",
                "--format=stylish", file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(report.toFile());
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process linting = lint.start();
        assertThat(linting.waitFor(5, TimeUnit.MINUTES)).as("redocly finished").isTrue();
        assertThat(linting.exitValue()).as("redocly lint of %s:%n%s", name, Files.readString(report)).isZero();
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                   .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }
}
