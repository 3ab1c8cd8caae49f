package org.ordinateurssolidaires.query.donor;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.ceremony.CeremonyHeld;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.ceremony.DonorsInvited;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.QualityCheckFailed;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.DonationBatchDisputed;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.Sha256;
import org.ordinateurssolidaires.query.CsvRows;
import org.ordinateurssolidaires.query.PdfText;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.allocated;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;
import static org.ordinateurssolidaires.query.SampleDevices.storageRemovalStated;

/** A donor's report, put together from the events of its donor, batches, devices and ceremonies. */
class DonorReportIT extends QuerySideIntegrationTest {

    /** As the verification endpoint accepts, form or not. */
    private static final int LARGEST_COPY = 20 * 1024 * 1024;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tellsTheDonorWhatBecameOfItsGift() throws IOException {
        var donor = new DonorId(UUID.randomUUID());
        var ceremony = new CeremonyId(UUID.randomUUID());
        DeviceId givenAway = newDevice();
        DeviceId inTheWorkshop = newDevice();
        StorageMedium givenDisk = disk("GIVEN-1");
        StorageMedium workshopDisk = disk("WORK-1");
        var referral = new ReferralId(UUID.randomUUID());
        var agreement = new AgreementId(UUID.randomUUID());
        String reference = "LIV-2026-03"; // as SampleDevices.received names it
        events.append(new DonorRegistered(donor, "Banque Régionale du Centre-Ouest", DonorKind.COMPANY,
                        new Siret("73282932000074"), "Claire Dubois", "claire@example.org"),
                new AgreementSigned(donor, agreement, "2023-0208", "Paul Martin", "CEO",
                        LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-15"), null,
                        new AgreementCommitments(true, true, true, true)),
                received(givenAway, tag("A"), donor, DeviceCategory.LAPTOP, givenDisk),
                received(inTheWorkshop, tag("B"), donor, DeviceCategory.DESKTOP, workshopDisk),
                new DonationBatchReceived(DonationBatchId.of(donor, reference), donor, reference, RECEIVED_AT,
                        List.of(givenAway, inTheWorkshop)),
                new DonationBatchDisputed(DonationBatchId.of(donor, reference), "Claire Dubois", "three, not two"),
                new ReferralSubmitted(referral, new PartnerId(UUID.randomUUID()), "H-DONOR-REPORT",
                        EligibilityCriterion.JOB_SEEKER, 2, 0, DeviceCategory.LAPTOP,
                        new EncryptedPersonalData("referral:" + referral, "bm9uY2U=", "c2VhbGVk"), RECEIVED_AT),
                new ReferralAccepted(referral, RECEIVED_AT),
                new CeremonyScheduled(ceremony, LocalDate.parse("2026-03-28"), "Salons de Blossac"),
                new DonorsInvited(ceremony, List.of(donor)),
                sanitised(givenAway, givenDisk), refurbished(givenAway), ready(givenAway),
                allocated(givenAway, referral), new DeviceHandedOver(givenAway, referral, true, ceremony, LATER),
                new CeremonyHeld(ceremony, 12, 3),
                failed(inTheWorkshop, workshopDisk));

        JsonNode report = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/donors/" + donor + "/report", JsonNode.class).getBody(),
                body -> body != null && body.has("devices") && body.get("devices").size() == 2
                        // the donors group's last event: its agreement, before it, is applied too
                        && "DISPUTED".equals(body.at("/batches/0/reconciliation").asString())
                        && "HELD".equals(body.at("/ceremonies/0/status").asString())
                        && "FAILED".equals(body.at("/devices/1/media/0/erasureStatus").asString())
                        && body.at("/households/byCriterion/JOB_SEEKER").asLong() == 1);

        assertThat(report.at("/donor/legalName").asString()).isEqualTo("Banque Régionale du Centre-Ouest");
        assertThat(report.at("/agreements/0/modelAgreementVersion").asString()).isEqualTo("2023-0208");
        assertThat(report.at("/agreements/0/devicesReceived").asLong()).isEqualTo(2);
        assertThat(report.at("/batches/0/reference").asString()).isEqualTo(reference);
        assertThat(report.at("/batches/0/reconciliation").asString()).isEqualTo("DISPUTED");
        assertThat(report.at("/batches/0/devicesByState/HANDED_OVER").asLong()).isEqualTo(1);
        assertThat(report.at("/erasure/sanitised").asLong()).isEqualTo(1);
        assertThat(report.at("/erasure/failedAwaitingRetry").asLong()).isEqualTo(1);
        assertThat(report.at("/households/equipped").asLong()).isEqualTo(1);
        assertThat(report.at("/households/byCriterion").size()).isEqualTo(1);
        assertThat(report.at("/ceremonies/0/invited").asBoolean()).isTrue();
        assertThat(report.at("/ceremonies/0/devicesHandedOver").asLong()).isEqualTo(1);
        assertThat(report.at("/impact/devicesGivenASecondLife").asLong()).isEqualTo(1);
        assertThat(report.at("/impact/manufacturingCo2eAvoidedKg").asDouble()).isEqualTo(156.0);
        assertThat(report.toString()).doesNotContain(referral.toString()) // counts only, never a household
                                     .doesNotContain("H-DONOR-REPORT");
        JsonNode underTheAgreement = http.getForObject("/api/donors/" + donor + "/agreements/" + agreement + "/report",
                JsonNode.class);
        assertThat(underTheAgreement.get("devices")).hasSize(2);
        assertThat(http.getForEntity("/api/donors/" + donor + "/agreements/" + UUID.randomUUID() + "/report",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode provenance = http.getForObject("/api/donors/" + donor + "/devices/" + givenAway + "/provenance",
                JsonNode.class);
        assertThat(provenance.findValuesAsString("event")).contains("DeviceAllocated", "DeviceHandedOver");
        assertThat(provenance.toString()).doesNotContain(referral.toString());
        assertThat(http.getForEntity("/api/donors/" + UUID.randomUUID() + "/devices/" + givenAway + "/provenance",
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String csv = http.getForObject("/api/donors/" + donor + "/report.csv", String.class);
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("batchReference,assetTag,category");
        assertThat(csv).contains("GIVEN-1,SANITISED,PURGE,OVERWRITE,nwipe,0.37,FULL");

        // English on request
        String reportPdf = PdfText.of(http.getForObject("/api/donors/" + donor + "/report.pdf?lang=en", byte[].class));
        assertThat(reportPdf).contains("Banque Régionale du Centre-Ouest", "2023-0208", "Salons de Blossac")
                             .containsPattern("2\\s+devices given")
                             .containsPattern("1 / 2\\s+media erased")
                             .containsPattern("1\\s+households equipped")
                             .contains("job seeker 1")
                             .containsPattern("156\\s+kg CO2e avoided");

        String certificate = PdfText.of(http.getForObject("/api/donors/" + donor + "/sanitisation-certificate.pdf?delivery="
                + reference + "&lang=en", byte[].class));
        assertThat(certificate.replaceAll("\\s", ""))
                .contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"); // may wrap in its cell
        assertThat(http.getForEntity("/api/donors/" + donor + "/sanitisation-certificate.pdf?delivery={reference}",
                byte[].class, " " + reference + " ").getStatusCode()).as("the reference as its import keeps it")
                .isEqualTo(HttpStatus.OK);
        assertThat(certificate).contains("Certificate of data sanitisation", "73282932000074", "GIVEN-1", "WORK-1",
                "nwipe 0.37")
                               .containsPattern("2\\s+media")
                               .containsPattern("1\\s+sanitised and verified")
                               .containsPattern("1\\s+failed, awaiting a new attempt");
    }

    @Test
    void aCeremonyKeepsTheDevicesHandedOverThereWhenOneIsGivenBackLater() {
        var donor = new DonorId(UUID.randomUUID());
        var first = new CeremonyId(UUID.randomUUID());
        var second = new CeremonyId(UUID.randomUUID());
        var firstHousehold = new ReferralId(UUID.randomUUID());
        var secondHousehold = new ReferralId(UUID.randomUUID());
        DeviceId givenTwice = newDevice();
        DeviceId givenBack = newDevice();
        StorageMedium twiceDisk = disk("TWICE-1");
        StorageMedium backDisk = disk("BACK-1");
        events.append(new DonorRegistered(donor, "Mutuelle du Clain", DonorKind.COMPANY, null, "Inès Roy",
                        "ines@example.org"),
                received(givenTwice, tag("T"), donor, DeviceCategory.LAPTOP, twiceDisk),
                received(givenBack, tag("U"), donor, DeviceCategory.LAPTOP, backDisk),
                new CeremonyScheduled(first, LocalDate.parse("2026-03-28"), "Salons de Blossac"),
                new CeremonyScheduled(second, LocalDate.parse("2026-05-30"), "Maison de quartier des Couronneries"),
                sanitised(givenTwice, twiceDisk), refurbished(givenTwice), ready(givenTwice),
                allocated(givenTwice, firstHousehold),
                new DeviceHandedOver(givenTwice, firstHousehold, true, first, LATER),
                sanitised(givenBack, backDisk), refurbished(givenBack), ready(givenBack),
                allocated(givenBack, firstHousehold),
                new DeviceHandedOver(givenBack, firstHousehold, true, first, LATER),
                new DeviceReturned(givenTwice, firstHousehold, "la famille en avait déjà un", LATER.plusSeconds(60)),
                new DeviceReturned(givenBack, firstHousehold, "écran cassé", LATER.plusSeconds(120)),
                sanitised(givenTwice, twiceDisk), refurbished(givenTwice), ready(givenTwice),
                allocated(givenTwice, secondHousehold),
                new DeviceHandedOver(givenTwice, secondHousehold, true, second, LATER.plusSeconds(3600)));

        // the two devices' events are applied on segments of their own: a report read before the last of them could
        // show a state the history passed through (one hand-over applied, the other not yet), whatever it asserts
        awaitTheReportsReadModels();
        JsonNode report = http.getForEntity("/api/donors/" + donor + "/report", JsonNode.class).getBody();

        assertThat(report.at("/batches/0/devicesByState/HANDED_OVER").asLong()).isEqualTo(1);
        assertThat(report.at("/ceremonies").size()).isEqualTo(2);
        assertThat(report.at("/ceremonies/0/place").asString()).isEqualTo("Salons de Blossac");
        assertThat(report.at("/ceremonies/0/devicesHandedOver").asLong()).isEqualTo(2);
        assertThat(report.at("/ceremonies/0/invited").asBoolean()).isFalse();
        assertThat(report.at("/ceremonies/1/devicesHandedOver").asLong()).isEqualTo(1);
        // where the devices are now: the first household gave both back
        assertThat(report.at("/households/equipped").asLong()).isEqualTo(1);
        assertThat(report.at("/impact/devicesGivenASecondLife").asLong()).isEqualTo(1);
    }

    @Test
    void showsADeviceWhoseStorageTheDonorRemovedAndOneWithoutErasureEvidenceForWhatTheyAre() throws IOException {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId stated = newDevice();
        DeviceId withoutEvidence = newDevice();
        events.append(new DonorRegistered(donor, "Mutuelle Atlantique Prévoyance", DonorKind.COMPANY,
                        new Siret("73282932000074"), "Claire Dubois", "claire@example.org"),
                received(stated, tag("S"), donor, DeviceCategory.DESKTOP), storageRemovalStated(stated),
                received(withoutEvidence, tag("N"), donor, DeviceCategory.TABLET));

        JsonNode report = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/donors/" + donor + "/report", JsonNode.class).getBody(),
                body -> body != null && body.has("devices") && body.get("devices").size() == 2
                        && body.at("/erasure/devicesWithStorageRemovedByTheDonor").asLong() == 1);

        assertThat(report.at("/erasure/devicesWithoutErasureEvidence").asLong()).isEqualTo(1);
        assertThat(report.get("devices").findValuesAsString("erasureEvidence"))
                .containsExactlyInAnyOrder("DONOR_STATEMENT", "NONE");
        assertThat(report.get("devices").findValuesAsString("documentReference"))
                .containsExactly("Annexe 2, convention 2023-0208");

        String csv = http.getForObject("/api/donors/" + donor + "/report.csv", String.class);
        assertThat(csv.lines().findFirst().orElseThrow())
                .endsWith("erasureEvidence,storageRemovalStatedBy,storageRemovalStatedOn,storageRemovalDocument");
        assertThat(csv).contains("DONOR_STATEMENT,\"Paul Martin, DSI\",2026-02-27,\"Annexe 2, convention 2023-0208\"")
                       .contains(",NONE,,,");

        // in French, the programme's language, unless English is asked for
        String reportPdf = PdfText.of(http.getForObject("/api/donors/" + donor + "/report.pdf", byte[].class))
                .replaceAll("\\s+", " "); // lines wrap anywhere
        assertThat(reportPdf).contains("Votre don aux Ordinateurs solidaires",
                "1 appareil(s) sont arrivés sans stockage", "1 appareil(s) n'ont aucune preuve d'effacement",
                "stockage retiré par le donateur", "aucune preuve d'effacement",
                "selon la déclaration de Paul Martin, DSI du 27 février 2026", "Ordinateur de bureau")
                             .contains("0 / 0 supports effacés")
                             .doesNotContain("DESKTOP", "AWAITING_SANITISATION");

        String certificate = PdfText.of(http.getForObject("/api/donors/" + donor + "/sanitisation-certificate.pdf",
                byte[].class)).replaceAll("\\s+", " ");
        assertThat(certificate)
                .contains("Certificat d'effacement des données", "Appareils sans support de stockage déclaré",
                        "Paul Martin, DSI", "27 février 2026", "stockage retiré par le donateur",
                        "aucune preuve d'effacement", "maillon de la chaîne de traçabilité")
                .contains("1 appareils : stockage retiré par le donateur", "1 appareils : aucune preuve d'effacement")
                .as("a day in words, as the report says it").doesNotContain("2026-02-27");
    }

    /** A legal document names the donor and its signatory exactly as recorded, whatever their script. */
    @Test
    void printsTheDonorsNameExactlyAndShowsWhatNoFontDrawsByItsCodePoints() throws IOException {
        var donor = new DonorId(UUID.randomUUID());
        String name = "Association Łódź Ștefan Nguyễn Dvořák — Ωmega Борис";
        events.append(new DonorRegistered(donor, name, DonorKind.ASSOCIATION, null, "Борис", "b@example.org"),
                new AgreementSigned(donor, new AgreementId(UUID.randomUUID()), "2023-0208", "محمد 王", "président",
                        LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-15"), null,
                        new AgreementCommitments(true, true, true, true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/donors/" + donor + "/report",
                JsonNode.class).getBody(), body -> body != null && body.has("agreements")
                                                   && body.get("agreements").size() == 1);

        String report = PdfText.of(http.getForObject("/api/donors/" + donor + "/report.pdf", byte[].class))
                .replaceAll("\\s+", " "); // lines wrap anywhere
        String certificate = PdfText.of(http.getForObject("/api/donors/" + donor + "/sanitisation-certificate.pdf",
                byte[].class)).replaceAll("\\s+", " ");

        // محمد drawn right to left, its letters joined (read back as drawn), 王 by its code point: no font has it
        assertThat(report).contains(name, "\uFEAA\uFEE4\uFEA4\uFEE3 [U+738B]");
        assertThat(report).as("a section with nothing in it says so, where it showed a table's header alone")
                .contains("Aucune livraison enregistrée.", "Aucun appareil enregistré.",
                        "Aucune cérémonie : ni invitation, ni appareil remis lors d'une cérémonie.");
        assertThat(certificate).contains(name);
    }

    @Test
    void verifiesAnIssuedDocumentAndRefusesAOneByteChange() {
        var donor = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(donor, "Université de Poitiers", DonorKind.PUBLIC_BODY, null, "Service",
                "service@example.org"));
        byte[] certificate = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/donors/"
                + donor + "/sanitisation-certificate.pdf", byte[].class), answer -> answer.getStatusCode().is2xxSuccessful())
                                    .getBody();
        byte[] report = http.getForObject("/api/donors/" + donor + "/report.pdf", byte[].class);
        byte[] altered = certificate.clone();
        altered[altered.length / 2] ^= 1;

        JsonNode genuine = verify(certificate);
        JsonNode forged = verify(altered);

        assertThat(genuine.get("genuine").asBoolean()).isTrue();
        assertThat(genuine.get("kind").asString()).isEqualTo("sanitisation-certificate");
        assertThat(genuine.get("donorId").asString()).isEqualTo(donor.toString());
        assertThat(genuine.get("documentId").asString()).isNotBlank();
        assertThat(Instant.parse(genuine.get("issuedAt").asString())).isBefore(Instant.now());
        assertThat(forged.get("genuine").asBoolean()).isFalse();
        assertThat(uploadFromAForm(certificate).get("genuine").asBoolean()).isTrue();
        assertThat(verify(report).get("kind").asString()).isEqualTo("donor-report");
        // sealed, not registered: issuing wrote nothing, and the copies check out whatever the read models hold
        assertThat(jdbc.queryForObject("select count(*) from issued_document", Long.class)).isZero();
    }

    @Test
    void stillVerifiesADocumentRegisteredBeforeDocumentsWereSealed() {
        byte[] issuedBefore = "%PDF-1.4 a certificate issued by 0.1.0, registered by its SHA-256".getBytes();
        UUID document = UUID.randomUUID();
        UUID donor = UUID.randomUUID();
        jdbc.update("insert into issued_document (sha256, document_id, kind, donor_id, issued_at) values (?, ?, ?, ?, ?)",
                Sha256.hex(issuedBefore), document, "sanitisation-certificate", donor,
                Timestamp.from(Instant.parse("2026-06-01T08:00:00Z")));

        JsonNode genuine = verify(issuedBefore);

        assertThat(genuine.get("genuine").asBoolean()).isTrue();
        assertThat(genuine.get("documentId").asString()).isEqualTo(document.toString());
        assertThat(genuine.get("donorId").asString()).isEqualTo(donor.toString());
        assertThat(genuine.get("issuedAt").asString()).isEqualTo("2026-06-01T08:00:00Z");
        jdbc.update("delete from issued_document where document_id = ?", document);
    }

    @Test
    void refusesACopyLargerThanAnyDocumentWithoutReadingItAll() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        byte[] huge = new byte[LARGEST_COPY + 1024];

        var answer = http.postForEntity("/api/documents/verification", new HttpEntity<>(huge, headers), JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(answer.getBody().get("detail").asString()).contains("larger than " + LARGEST_COPY);
    }

    private JsonNode uploadFromAForm(byte[] copy) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(copy) {
            @Override
            public String getFilename() {
                return "certificate.pdf";
            }
        });
        return http.postForObject("/api/documents/verification", new HttpEntity<>(form, headers), JsonNode.class);
    }

    private JsonNode verify(byte[] copy) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        return http.postForObject("/api/documents/verification", new HttpEntity<>(copy, headers), JsonNode.class);
    }

    @Test
    void reportsOneAgreementWithTheDevicesReceivedWhileItWasInForce() {
        var donor = new DonorId(UUID.randomUUID());
        var first = new AgreementId(UUID.randomUUID());
        var second = new AgreementId(UUID.randomUUID());
        var commitments = new AgreementCommitments(true, true, true, true);
        DeviceId before = newDevice();
        DeviceId after = newDevice();
        events.append(new DonorRegistered(donor, "Mutuelle Atlantique", DonorKind.COMPANY, null, "Anne", "a@example.org"),
                new AgreementSigned(donor, first, "2023-0208", "Paul Martin", "CEO", LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2025-01-01"), LocalDate.parse("2026-02-28"), commitments),
                new AgreementSigned(donor, second, "2023-0208", "Paul Martin", "CEO", LocalDate.parse("2026-03-01"),
                        LocalDate.parse("2026-03-01"), null, commitments),
                receivedOn(before, donor, "2026-02-10T09:00:00Z"), receivedOn(after, donor, "2026-03-05T09:00:00Z"));

        JsonNode secondReport = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/donors/"
                        + donor + "/agreements/" + second + "/report", JsonNode.class).getBody(),
                body -> body != null && body.has("devices") && body.get("devices").size() == 1);

        assertThat(secondReport.at("/devices/0/deviceId").asString()).isEqualTo(after.toString());
        assertThat(secondReport.get("agreements").findValuesAsString("agreementId")).containsExactly(second.toString());
        // the device before may be in another of the inventory's segments, applied a little later
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.getForObject("/api/donors/" + donor
                + "/report", JsonNode.class).get("agreements").findValuesAsString("devicesReceived"))
                .containsExactly("1", "1"));
    }

    private static DeviceReceived receivedOn(DeviceId device, DonorId donor, String instant) {
        return new DeviceReceived(device, new AssetTag(tag("C")), donor, "LIV-" + instant.substring(0, 7),
                DeviceCategory.LAPTOP, "HP", "EliteBook 840", null, List.of(), null, Instant.parse(instant));
    }

    /** Text as the donor's own staff might type it in a delivery file, and the donor opens the CSV in a spreadsheet. */
    @Test
    void exportsTextThatLooksLikeAFormulaAsTextAndOrdinaryTextUnchanged() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId formulas = newDevice();
        DeviceId ordinary = newDevice();
        StorageMedium disk = disk("\t=1+1");
        events.append(new DonorRegistered(donor, "Mutuelle Atlantique", DonorKind.COMPANY, null, "Anne", "a@example.org"),
                new DeviceReceived(formulas, new AssetTag(tag("A")), donor, "@SUM(1)", DeviceCategory.LAPTOP,
                        "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", List.of(disk), null, RECEIVED_AT),
                sanitised(formulas, disk),
                received(ordinary, tag("B"), donor, DeviceCategory.DESKTOP));

        String csv = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/api/donors/" + donor + "/report.csv", String.class),
                answer -> answer.getStatusCode().is2xxSuccessful() && CsvRows.of(answer.getBody()).size() == 2
                        && answer.getBody().contains("SANITISED")).getBody();

        List<Map<String, String>> rows = CsvRows.of(csv);

        assertThat(rows.get(0)).containsEntry("batchReference", "'@SUM(1)")
                               .containsEntry("manufacturer", "'=HYPERLINK(\"http://x\")")
                               .containsEntry("model", "'+cmd|' /C calc'!A0")
                               .containsEntry("serialNumber", "'-2+3")
                               .containsEntry("mediumSerial", "'\t=1+1")
                               .containsEntry("tool", "nwipe").containsEntry("toolVersion", "0.37");
        assertThat(rows.get(1)).containsEntry("batchReference", "LIV-2026-03").containsEntry("manufacturer", "Dell")
                               .containsEntry("model", "Latitude 5490").containsEntry("serialNumber", "5CG1234");
        assertThat(rows).flatExtracting(Map::values).noneMatch(CsvRows::startsLikeAFormula);
    }

    @Test
    void answersNotFoundForAnUnknownDonor() {
        assertThat(http.getForEntity("/api/donors/" + UUID.randomUUID() + "/report", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * The command side refuses a reconciliation until every device is processed: the report does not ask for it.
     * Processed once, a device stays so, as the command side counts it: a failed quality check sends it back to the
     * workshop, not its batch back to processing.
     */
    @Test
    void aBatchWithDevicesInTheWorkshopAwaitsTheirProcessingNotTheDonor() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId device = newDevice();
        StorageMedium medium = disk("PROC-1");
        String reference = "LIV-2026-03"; // as SampleDevices.received names it
        events.append(new DonorRegistered(donor, "Lycée Camille Guérin", DonorKind.PUBLIC_BODY, null,
                        "Anne Roux", "anne@example.org"),
                received(device, tag("P"), donor, DeviceCategory.LAPTOP, medium),
                new DonationBatchReceived(DonationBatchId.of(donor, reference), donor, reference, RECEIVED_AT,
                        List.of(device)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reconciliationOf(donor), "AWAITING_PROCESSING"::equals);

        events.append(sanitised(device, medium));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(30))
               .until(() -> reconciliationOf(donor), "AWAITING_PROCESSING"::equals);
        events.append(refurbished(device));
        await().atMost(Duration.ofSeconds(30)).until(() -> reconciliationOf(donor), "AWAITING_DONOR"::equals);
        events.append(new QualityCheckFailed(device, "keyboard missing keys", "Lou", LATER));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/api/donors/" + donor + "/report",
                JsonNode.class).getBody().at("/batches/0/devicesByState/SANITISED").asInt() == 1);
        assertThat(reconciliationOf(donor)).isEqualTo("AWAITING_DONOR");
    }

    private String reconciliationOf(DonorId donor) {
        JsonNode report = http.getForEntity("/api/donors/" + donor + "/report", JsonNode.class).getBody();
        return report == null ? null : report.at("/batches/0/reconciliation").asString();
    }

    /** The report lists devices by asset tag: the first letter fixes their order. */
    private static String tag(String first) {
        return first + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /**
     * Until the read models a donor's report reads (the inventory's, the donors', the ceremonies') have passed the last
     * event stored now, whichever test context holds their segments: their tokens in the token store, read as
     * deploy/benchmark/token-position.sh reads them.
     */
    private void awaitTheReportsReadModels() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                select count(*) from tokenEntry, (select max(globalIndex) as last from domainEventEntry) store
                 where processorName in ('inventory', 'donors', 'ceremonies')
                   and (case when convert_from(token, 'UTF8') like '%"tokenAtReset"%'
                             then coalesce(substring(convert_from(token, 'UTF8')
                                                     from '"currentToken":\\{[^}]*"index":([0-9]+)'), '-1')
                             else coalesce(substring(convert_from(token, 'UTF8') from '"index":([0-9]+)'), '-1')
                        end)::bigint < store.last""", Long.class) == 0);
    }
}
