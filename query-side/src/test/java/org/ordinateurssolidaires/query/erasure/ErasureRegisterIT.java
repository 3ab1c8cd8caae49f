package org.ordinateurssolidaires.query.erasure;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.CsvRows;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.SANITISED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/** The erasure register, searched as an auditor would, and exported. */
class ErasureRegisterIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void findsEveryRecordOfAMediumByItsSerialAndFiltersByDonorOperatorOutcomeAndDate() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId laptop = newDevice();
        DeviceId desktop = newDevice();
        String serial = "WD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        StorageMedium retried = disk(serial);
        StorageMedium shredded = disk(serial + "-B");
        events.append(received(laptop, "ER-" + serial, donor, DeviceCategory.LAPTOP, retried),
                failed(laptop, retried), sanitised(laptop, retried),
                received(desktop, "ER2-" + serial, donor, DeviceCategory.DESKTOP, shredded),
                new StorageMediumDestroyed(desktop, shredded, DestructionMethod.SHRED, "Inès Sam", "Broyeur municipal",
                        "DEST-77", LATER));

        JsonNode bySerial = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/erasure-register?serial=" + serial.toLowerCase(), JsonNode.class),
                page -> page.get("totalRecords").asLong() == 2);
        assertThat(bySerial.get("records").findValuesAsString("outcome")).containsExactly("FAILED", "SANITISED");
        assertThat(bySerial.at("/records/1/assetTag").asString()).isEqualTo("ER-" + serial);
        assertThat(bySerial.at("/records/1/donorId").asString()).isEqualTo(donor.toString());
        assertThat(bySerial.at("/records/1/toolReportSha256").asString()).hasSize(64);
        assertThat(bySerial.at("/records/0/remark").asString()).isEqualTo("3 unreadable sectors");
        assertThat(count("donorId=" + donor + "&serial={typed}", " " + serial.toLowerCase().replace('-', ' ') + " "))
                .as("as a scanner or a keyboard reads it").isEqualTo(2);
        assertThat(count("donorId=" + donor + "&serial={typed}", " - ")).as("separators alone are no serial").isZero();

        JsonNode destroyed = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/erasure-register?donorId=" + donor + "&outcome=DESTROYED", JsonNode.class),
                page -> page.get("totalRecords").asLong() == 1);
        assertThat(destroyed.at("/records/0/mediumSerial").asString()).isEqualTo(serial + "-B");
        assertThat(destroyed.at("/records/0/remark").asString()).isEqualTo("SHRED, certificate DEST-77");
        assertThat(destroyed.at("/records/0").has("destructionMethod")).as("the API's words are its remark").isFalse();
        HttpHeaders inFrench = new HttpHeaders();
        inFrench.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
        inFrench.setAcceptLanguageAsLocales(List.of(Locale.FRENCH));
        assertThat(http.exchange("/registre-des-effacements?outcome=DESTROYED&deviceId=" + desktop, HttpMethod.GET,
                new HttpEntity<>(inFrench), String.class).getBody()).as("the page says it in the reader's language")
                .contains("broyage, certificat DEST-77").doesNotContain("SHRED");
        assertThat(http.exchange("/registre-des-effacements?outcome=DESTROYED&deviceId=" + desktop + "&page=99999",
                HttpMethod.GET, new HttpEntity<>(inFrench), String.class).getBody())
                .as("a page past the last (an old link, a number typed) shows the last, not an empty one")
                .contains("broyage, certificat DEST-77");
        assertThat(count("donorId=" + donor + "&operator=camille")).isEqualTo(2);
        assertThat(count("donorId=" + donor + "&operator=AMIL")).as("part of the name").isEqualTo(2);
        assertThat(count("donorId=" + donor + "&operator=%")).as("a % is a %, no pattern").isZero();
        assertThat(count("donorId=" + donor + "&operator=C_mille")).as("an _ is an _").isZero();
        for (String typed : List.of("ines", "INÈS", "Inès Sam", "inés")) {
            assertThat(count("donorId=" + donor + "&operator={typed}", typed)).as("accents aside: %s", typed).isOne();
        }
        assertThat(count("donorId=" + donor + "&deviceId=" + desktop)).isEqualTo(1);
        assertThat(count("donorId=" + donor + "&from=" + LATER)).isEqualTo(1);
        assertThat(count("donorId=" + donor + "&to=" + LATER)).isEqualTo(2);

        String csv = http.getForObject("/api/erasure-register.csv?donorId=" + donor, String.class);
        assertThat(csv.lines()).hasSize(4);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("performedAt,mediumSerial,mediaType,assetTag,outcome,level");
        assertThat(csv).contains(serial + "-B").contains("SHRED, certificate DEST-77");

        // the page's download, for French Excel, in the reader's language
        List<Map<String, String>> french = CsvRows.ofSpreadsheet(
                http.getForObject("/registre-des-effacements.csv?donorId=" + donor, byte[].class));
        assertThat(french).hasSize(3);
        assertThat(french.get(0).keySet()).startsWith("Date et heure", "N° de série du support", "Type de support",
                "N° d'inventaire", "Résultat");
        assertThat(french).extracting(row -> row.get("N° de série du support")).contains(serial + "-B");
        assertThat(french).extracting(row -> row.get("Résultat")).containsExactly("échec, à refaire", "effacé",
                "détruit");
        assertThat(french.get(2).get("Date et heure")).as("in Paris").isEqualTo("09/03/2026 10:00");
        HttpHeaders english = new HttpHeaders();
        english.add(HttpHeaders.COOKIE, "langue=en");
        byte[] inEnglish = http.exchange("/registre-des-effacements.csv?donorId=" + donor, HttpMethod.GET,
                new HttpEntity<>(english), byte[].class).getBody();
        assertThat(CsvRows.ofSpreadsheet(inEnglish).get(0).keySet()).startsWith("Date and time",
                "Medium serial number", "Type of medium", "Asset tag", "Outcome");
    }

    /** Recorded through whatever path let it in: the export is where it must stop being a formula. */
    @Test
    void exportsTextThatLooksLikeAFormulaAsTextAndOrdinaryTextUnchanged() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId device = newDevice();
        StorageMedium medium = new StorageMedium(UUID.randomUUID(), MediaType.HARD_DISK_DRIVE, "Seagate", "ST500LM030",
                "=HYPERLINK(\"http://x\")", 500);
        var formulas = new SanitisationRecord(medium, SanitisationLevel.PURGE, SanitisationTechnique.OVERWRITE,
                "+cmd|' /C calc'!A0", "-2+3", VerificationMethod.FULL, "@SUM(1)", "\t=1+1", SANITISED_AT,
                "a".repeat(64));
        events.append(received(device, "FX-" + UUID.randomUUID().toString().substring(0, 8), donor,
                        DeviceCategory.LAPTOP, medium),
                new StorageMediumSanitisationFailed(device, formulas, "\r=1+1"), sanitised(device, medium));

        String csv = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/erasure-register.csv?donorId=" + donor, String.class),
                answer -> CsvRows.of(answer).size() == 2);

        List<Map<String, String>> rows = CsvRows.of(csv);
        Map<String, String> failed = rows.get(0);
        assertThat(failed).containsEntry("outcome", "FAILED")
                          .containsEntry("mediumSerial", "'=HYPERLINK(\"http://x\")")
                          .containsEntry("tool", "'+cmd|' /C calc'!A0")
                          .containsEntry("toolVersion", "'-2+3")
                          .containsEntry("operator", "'@SUM(1)")
                          .containsEntry("location", "'\t=1+1")
                          .containsEntry("remark", "'\r=1+1");
        assertThat(rows.get(1)).containsEntry("outcome", "SANITISED")
                               .containsEntry("tool", "nwipe").containsEntry("toolVersion", "0.37")
                               .containsEntry("operator", "Camille").containsEntry("location", "Atelier Poitiers")
                               .containsEntry("performedAt", SANITISED_AT.toString());
        assertThat(rows).flatExtracting(Map::values)
                        .noneMatch(CsvRows::startsLikeAFormula);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\""); // quoted, its quotes doubled
    }

    @Test
    void refusesADateRangeThatEndsBeforeItStarts() {
        var answer = http.getForEntity("/api/erasure-register?from=2026-03-09T00:00:00Z&to=2026-03-01T00:00:00Z",
                JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").asString()).isEqualTo("invalid parameter to");
        assertThat(answer.getBody().at("/errors/0/message").asString()).isEqualTo("must come after from");
    }

    /** On the page, the period is named beside the filters, as a mistyped day is, not answered with a bare 400. */
    @Test
    void namesAPeriodThatEndsBeforeItStartsBesideTheFilters() {
        HttpHeaders asAPage = new HttpHeaders();
        asAPage.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
        asAPage.setAcceptLanguageAsLocales(List.of(Locale.FRENCH));

        var page = http.exchange("/registre-des-effacements?from=2026-12-10&to=2026-12-01", HttpMethod.GET,
                new HttpEntity<>(asAPage), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Cette période finit avant de commencer").contains("aria-invalid=\"true\"")
                                  .contains("value=\"2026-12-10\"");
    }

    /** A day is its start in the programme's time zone: 2 March begins at 23:00 UTC on 1 March in Poitiers. */
    @Test
    void takesADayWhereAPersonMeansOne() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId device = newDevice();
        StorageMedium lateOnTheFirst = disk("DAY-1-" + UUID.randomUUID());
        StorageMedium earlyOnTheSecond = disk("DAY-2-" + UUID.randomUUID());
        events.append(received(device, "DAY-" + UUID.randomUUID().toString().substring(0, 8), donor,
                        DeviceCategory.DESKTOP, lateOnTheFirst, earlyOnTheSecond),
                new StorageMediumDestroyed(device, lateOnTheFirst, DestructionMethod.SHRED, "Sam", "Broyeur municipal",
                        "DEST-1", Instant.parse("2026-03-01T22:30:00Z")),
                new StorageMediumDestroyed(device, earlyOnTheSecond, DestructionMethod.SHRED, "Sam",
                        "Broyeur municipal", "DEST-2", Instant.parse("2026-03-01T23:30:00Z")));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("donorId=" + donor) == 2);

        JsonNode second = http.getForObject("/api/erasure-register?donorId=" + donor + "&from=2026-03-02&to=2026-03-03",
                JsonNode.class);
        assertThat(second.get("records").findValuesAsString("mediumSerial"))
                .containsExactly(earlyOnTheSecond.serialNumber());
        assertThat(count("donorId=" + donor + "&from=2026-03-01&to=2026-03-02")).isOne();
        // the page's "jusqu'au" counts its day in, as people read "du 2 au 2 mars"; its download too
        HttpHeaders asAPage = new HttpHeaders();
        asAPage.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
        String onePage = http.exchange("/registre-des-effacements?donorId=" + donor + "&from=2026-03-02&to=2026-03-02",
                HttpMethod.GET, new HttpEntity<>(asAPage), String.class).getBody();
        assertThat(onePage).contains(earlyOnTheSecond.serialNumber()).doesNotContain(lateOnTheFirst.serialNumber())
                           .doesNotContain("Cette période finit avant de commencer");
        assertThat(CsvRows.ofSpreadsheet(http.getForObject("/registre-des-effacements.csv?donorId=" + donor
                + "&from=2026-03-01&to=2026-03-01", byte[].class))).extracting(row -> row.get("N° de série du support"))
                .containsExactly(lateOnTheFirst.serialNumber());
        var refused = http.getForEntity("/api/erasure-register?from=2026-03-32", JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/message").asString())
                .isEqualTo("must be an instant, as 2026-03-02T09:00:00Z, or a day, as 2026-03-02");
    }

    @Test
    void refusesAFilterItCannotRead() {
        for (String unreadable : List.of("deviceId=not-a-uuid", "outcome=WIPED", "from=yesterday")) {
            var answer = http.getForEntity("/api/erasure-register?" + unreadable, JsonNode.class);
            assertThat(answer.getStatusCode()).as(unreadable).isEqualTo(HttpStatus.BAD_REQUEST);
            String[] parameter = unreadable.split("=");
            assertThat(answer.getBody().at("/errors/0/parameter").asString()).isEqualTo(parameter[0]);
            assertThat(answer.getBody().at("/errors/0/message").asString()).as(unreadable).startsWith("must be");
            assertThat(answer.getBody().toString()).as("the value is not repeated").doesNotContain(parameter[1]);
            assertThat(http.getForEntity("/api/erasure-register.csv?" + unreadable, String.class).getStatusCode())
                    .as(unreadable).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    /** 1900 is a spreadsheet's empty date, 9999 a year typed with too many digits: refused as every way in does. */
    @Test
    void refusesAMomentOutsideTheProgrammesTime() {
        for (String outside : List.of("from=1900-01-01", "to=9999-12-31T00:00:00Z", "from=1999-12-31T23:59:59Z",
                "from=2100-01-01")) {
            var answer = http.getForEntity("/api/erasure-register?" + outside, JsonNode.class);
            assertThat(answer.getStatusCode()).as(outside).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().at("/errors/0/parameter").asString()).isEqualTo(outside.split("=")[0]);
            assertThat(answer.getBody().at("/errors/0/message").asString())
                    .isEqualTo("must be between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z");
            assertThat(http.getForEntity("/api/erasure-register.csv?" + outside, String.class).getStatusCode())
                    .as(outside).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(http.getForEntity("/registre-des-effacements.csv?" + outside, String.class).getStatusCode())
                    .as(outside).isEqualTo(HttpStatus.BAD_REQUEST);

            HttpHeaders asAPage = new HttpHeaders();
            asAPage.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
            asAPage.setAcceptLanguageAsLocales(List.of(Locale.FRENCH));
            var page = http.exchange("/registre-des-effacements?" + outside, HttpMethod.GET,
                    new HttpEntity<>(asAPage), String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).as("named beside the form, with the span").contains("Ces filtres sont mal saisis")
                                      .contains(" » : hors du temps du programme, de 2000 à 2099")
                                      .contains("aria-invalid=\"true\"");
        }
        assertThat(http.getForEntity("/api/erasure-register?from=2000-01-01T00:00:00Z&to=2099-12-31T23:59:59Z",
                JsonNode.class).getStatusCode()).as("the span's ends").isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/erasure-register?from=2000-01-01&to=2099-12-31", JsonNode.class)
                .getStatusCode()).as("the span's days, though 1 January 2000 starts in 1999 in Paris")
                .isEqualTo(HttpStatus.OK);
    }

    /** Instant.parse reads 24:00 as the next day's midnight and a leap second's :60 as :59: neither is read. */
    @Test
    void refusesAMomentNoClockWrites() {
        for (String moment : List.of("from=2026-03-02T24:00:00Z", "to=2026-03-02T23:59:60Z",
                "from=2026-03-02t24:00:00z", "to=2026-03-02t23:59:60z")) {
            var answer = http.getForEntity("/api/erasure-register?" + moment, JsonNode.class);
            assertThat(answer.getStatusCode()).as(moment).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().at("/errors/0/parameter").asString()).isEqualTo(moment.split("=")[0]);
        }
    }

    private long count(String filters, Object... values) {
        return http.getForObject("/api/erasure-register?" + filters, JsonNode.class, values).get("totalRecords")
                   .asLong();
    }
}
