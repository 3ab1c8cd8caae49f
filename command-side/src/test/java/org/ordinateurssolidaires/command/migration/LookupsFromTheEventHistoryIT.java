package org.ordinateurssolidaires.command.migration;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.rules.PlainWords;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RenamedFieldRevision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose lookup tables predate V6 and V8 — rows without a place in line, batches without their devices
 * — upgraded: V9 fills them in from the events already stored.
 */
class LookupsFromTheEventHistoryIT {

    private static final Instant SUBMITTED = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void fillsInWhatTheLookupsMissFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_lookup_backfill_it");
        migrate(url, "8", "classpath:db/command-side");
        var referral = new ReferralId(UUID.randomUUID());
        var laptop = new DeviceId(UUID.randomUUID());
        var tablet = new DeviceId(UUID.randomUUID());
        var donor = new DonorId(UUID.randomUUID());
        var batch = DonationBatchId.of(donor, "LIV-OLD");
        append(url, List.of(
                message("Referral", referral.toString(), 0, new ReferralSubmitted(referral,
                        new PartnerId(UUID.randomUUID()), "H-OLD", EligibilityCriterion.JOB_SEEKER, 1, 0,
                        DeviceCategory.LAPTOP, new EncryptedPersonalData("k", "bm9uY2U=", "c2VhbGVk"), SUBMITTED)),
                message("DonationBatch", batch.toString(), 0, new DonationBatchReceived(batch, donor, "LIV-OLD",
                        SUBMITTED, List.of(laptop, tablet))),
                message("Device", laptop.toString(), 0, new DeviceRefurbished(laptop, "cleaned", "Linux Mint", "Sam",
                        SUBMITTED)),
                message("Device", laptop.toString(), 1, new DeviceAllocated(laptop, referral, SUBMITTED)),
                message("Device", tablet.toString(), 0, new DeviceAllocated(tablet, referral, SUBMITTED)),
                message("Device", tablet.toString(), 1, new AllocationCancelled(tablet, referral, "too small",
                        SUBMITTED))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        jdbc.update("insert into referral_standing (referral_id, need, accepted) values (?, 'LAPTOP', true)",
                referral.value()); // as the lookup kept it before V8

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        Map<String, Object> standing = jdbc.queryForMap("select criterion_rank, submitted_at, devices_allocated"
                + " from referral_standing where referral_id = ?", referral.value());
        assertThat(standing.get("criterion_rank")).isEqualTo(EligibilityCriterion.JOB_SEEKER.rank());
        assertThat(((Timestamp) standing.get("submitted_at")).toInstant()).isEqualTo(SUBMITTED);
        assertThat(standing.get("devices_allocated")).isEqualTo(1);
        assertThat(jdbc.queryForList("select device_id, processed from donation_batch_device where batch_id = ?"
                + " order by processed", batch.value()))
                .containsExactly(Map.of("device_id", tablet.value(), "processed", false),
                        Map.of("device_id", laptop.value(), "processed", true));
    }

    /** A history recorded before V15: each device's reception is filled in, with its donor and its moment. */
    @Test
    void fillsInTheDonorsReceptionsFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_reception_backfill_it");
        migrate(url, "14", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var laptop = new DeviceId(UUID.randomUUID());
        var donor = new DonorId(UUID.randomUUID());
        append(url, List.of(message("Device", laptop.toString(), 0, new DeviceReceived(laptop,
                new AssetTag("OS-OLD-1"), donor, "LIV-OLD", DeviceCategory.LAPTOP, "Dell", "Latitude 5490", null,
                List.of(), null, SUBMITTED))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        assertThat(jdbc.queryForMap("select donor_id, received_at from donor_reception where device_id = ?",
                laptop.value())).containsEntry("donor_id", donor.value())
                .hasEntrySatisfying("received_at", at -> assertThat(((Timestamp) at).toInstant()).isEqualTo(SUBMITTED));
    }

    /** A history recorded before V19: each reception's delivery, as its reception and corrections leave it. */
    @Test
    void fillsInEachReceptionsDeliveryFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_delivery_backfill_it");
        migrate(url, "18", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var laptop = new DeviceId(UUID.randomUUID());
        var tablet = new DeviceId(UUID.randomUUID());
        var donor = new DonorId(UUID.randomUUID());
        append(url, List.of(
                message("Device", laptop.toString(), 0, received(laptop, donor, "LIV-OLD")),
                message("Device", tablet.toString(), 0, received(tablet, donor, "LIV-OLD")),
                message("Device", tablet.toString(), 1, new DeviceDetailsCorrected(tablet, null, null, "iPad", null,
                        null, null, "model")),
                message("Device", laptop.toString(), 1, new DeviceDetailsCorrected(laptop, null, null, null, null,
                        "LIV-NEW", null, "typed wrong"))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        jdbc.update("insert into donor_reception (device_id, donor_id, received_at) values (?, ?, ?), (?, ?, ?)",
                laptop.value(), donor.value(), Timestamp.from(SUBMITTED), tablet.value(), donor.value(),
                Timestamp.from(SUBMITTED)); // as V16 and the lookup kept them before V19

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        assertThat(jdbc.queryForMap("select batch_id from donor_reception where device_id = ?", tablet.value()))
                .containsEntry("batch_id", DonationBatchId.of(donor, "LIV-OLD").value());
        assertThat(jdbc.queryForMap("select batch_id from donor_reception where device_id = ?", laptop.value()))
                .containsEntry("batch_id", DonationBatchId.of(donor, "LIV-NEW").value());
    }

    /** A history recorded before V21: the devices handed over at each ceremony are counted. */
    @Test
    void fillsInTheHandOversAtEachCeremonyFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_hand_over_backfill_it");
        migrate(url, "20", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var ceremony = new CeremonyId(UUID.randomUUID());
        var quiet = new CeremonyId(UUID.randomUUID());
        var laptop = new DeviceId(UUID.randomUUID());
        var tablet = new DeviceId(UUID.randomUUID());
        var referral = new ReferralId(UUID.randomUUID());
        append(url, List.of(
                message("Device", laptop.toString(), 0, new DeviceHandedOver(laptop, referral, true, ceremony,
                        SUBMITTED)),
                message("Device", tablet.toString(), 0, new DeviceHandedOver(tablet, referral, true, ceremony,
                        SUBMITTED))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        jdbc.update("insert into ceremony_calendar (ceremony_id, ceremony_date) values (?, ?), (?, ?)",
                ceremony.value(), Date.valueOf("2026-06-27"), quiet.value(),
                Date.valueOf("2026-06-28"));

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        assertThat(jdbc.queryForObject("select hand_overs from ceremony_calendar where ceremony_id = ?",
                Integer.class, ceremony.value())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select hand_overs from ceremony_calendar where ceremony_id = ?",
                Integer.class, quiet.value())).isZero();
    }

    /**
     * A history recorded before V26: each ceremony not cancelled holds its day and place where it was last moved, the
     * first scheduled of two twins; the households handed devices at each are counted once.
     */
    @Test
    void fillsInTheCeremoniesDaysAndPlacesAndTheirHouseholdsFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_ceremony_slot_backfill_it");
        migrate(url, "25", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var first = new CeremonyId(UUID.randomUUID());
        var twin = new CeremonyId(UUID.randomUUID());
        var calledOff = new CeremonyId(UUID.randomUUID());
        var moved = new CeremonyId(UUID.randomUUID());
        var household = new ReferralId(UUID.randomUUID());
        var neighbour = new ReferralId(UUID.randomUUID());
        LocalDate day = LocalDate.parse("2026-06-27");
        List<GenericDomainEventMessage<?>> history = new ArrayList<>(List.of(
                message("Ceremony", first.toString(), 0, new CeremonyScheduled(first, day, "Salons de Blossac")),
                message("Ceremony", twin.toString(), 0, new CeremonyScheduled(twin, day, "salons de blossac")),
                message("Ceremony", calledOff.toString(), 0, new CeremonyScheduled(calledOff, day, "Mairie")),
                message("Ceremony", calledOff.toString(), 1, new CeremonyCancelled(calledOff, "storm warning")),
                message("Ceremony", moved.toString(), 0, new CeremonyScheduled(moved, day, "Gymnase")),
                message("Ceremony", moved.toString(), 1, new CeremonyRescheduled(moved, day.plusWeeks(1),
                        "Gymnase Jean-Moulin", "larger"))));
        for (ReferralId referral : List.of(household, household, neighbour)) {
            var device = new DeviceId(UUID.randomUUID());
            history.add(message("Device", device.toString(), 0, new DeviceHandedOver(device, referral, true, first,
                    SUBMITTED)));
        }
        var unreferred = new DeviceId(UUID.randomUUID()); // allocated before referrals were recorded
        history.add(message("Device", unreferred.toString(), 0, new DeviceHandedOver(unreferred, null, true, first,
                SUBMITTED)));
        append(url, history);

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        assertThat(jdbc.queryForList("select ceremony_id, ceremony_date, place_key, place from ceremony_slot"
                                     + " order by ceremony_date")).containsExactly(
                Map.of("ceremony_id", first.value(), "ceremony_date", Date.valueOf(day),
                        "place_key", PlainWords.key("salons de blossac"), "place", "Salons de Blossac"),
                Map.of("ceremony_id", moved.value(), "ceremony_date", Date.valueOf(day.plusWeeks(1)),
                        "place_key", PlainWords.key("GYMNASE JEAN MOULIN"), "place", "Gymnase Jean-Moulin"));
        assertThat(jdbc.queryForList("select referral_id from ceremony_household where ceremony_id = ?", UUID.class,
                first.value())).containsExactlyInAnyOrder(household.value(), neighbour.value());
    }

    /** A history recorded before V28: each active partner holds its name, the first registered of two twins. */
    @Test
    void fillsInTheActivePartnersNamesFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_partner_name_backfill_it");
        migrate(url, "27", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var first = new PartnerId(UUID.randomUUID());
        var twin = new PartnerId(UUID.randomUUID());
        var gone = new PartnerId(UUID.randomUUID());
        append(url, List.of(
                message("Partner", first.toString(), 0, new PartnerRegistered(first, "CCAS de Poitiers",
                        PartnerKind.SOCIAL_SERVICES)),
                message("Partner", twin.toString(), 0, new PartnerRegistered(twin, "CCAS de Poitiers ",
                        PartnerKind.SOCIAL_SERVICES)),
                message("Partner", gone.toString(), 0, new PartnerRegistered(gone, "Mission locale",
                        PartnerKind.JOB_CENTRE)),
                message("Partner", gone.toString(), 1, new PartnerDeactivated(gone, "left the committee"))));

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        assertThat(jdbc.queryForList("select name_key, name, partner_id from partner_name"))
                .containsExactly(Map.of("name_key", PlainWords.key("C.C.A.S. de Poitiers"), "name", "CCAS de Poitiers",
                        "partner_id", first.value()));
    }

    /** A history recorded before V23: each referral accepted keeps the time it was accepted at, no other. */
    @Test
    void fillsInWhenEachReferralWasAcceptedFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_acceptance_backfill_it");
        migrate(url, "22", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var accepted = new ReferralId(UUID.randomUUID());
        var awaiting = new ReferralId(UUID.randomUUID());
        Instant acceptedAt = Instant.parse("2026-02-03T09:30:00Z");
        append(url, List.of(message("Referral", accepted.toString(), 0, new ReferralAccepted(accepted, acceptedAt))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        jdbc.update("insert into referral_standing (referral_id, need, accepted) values (?, 'LAPTOP', true),"
                + " (?, 'LAPTOP', false)", accepted.value(), awaiting.value());

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        assertThat(jdbc.queryForObject("select accepted_at from referral_standing where referral_id = ?",
                Timestamp.class, accepted.value()).toInstant()).isEqualTo(acceptedAt);
        assertThat(jdbc.queryForObject("select accepted_at from referral_standing where referral_id = ?",
                Timestamp.class, awaiting.value())).isNull();
    }

    /**
     * Accounts of a partner deactivated before its accounts stopped with it: deactivated, their sessions ended; an
     * active partner's, and the last enabled admin whatever partner it speaks for, left as they were.
     */
    @Test
    void stopsTheAccountsOfPartnersDeactivatedBefore() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_partner_accounts_backfill_it");
        migrate(url, "24", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var left = new PartnerId(UUID.randomUUID());
        var staying = new PartnerId(UUID.randomUUID());
        append(url, List.of(message("Partner", left.toString(), 0,
                new PartnerDeactivated(left, "a quitté le programme"))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        String account = "insert into account (username, password_hash, roles, partner_id, enabled,"
                         + " created_at, created_by, updated_at, updated_by)"
                         + " values (?, '{bcrypt}x', ?, ?, true, now(), 'ops', now(), 'ops')";
        jdbc.update(account, "conseillere", "partner", left.value());
        jdbc.update(account, "seule-admin", "admin,partner", left.value());
        jdbc.update(account, "benevole", "partner", staying.value());
        jdbc.update("insert into spring_session (primary_id, session_id, creation_time, last_access_time,"
                    + " max_inactive_interval, expiry_time, principal_name)"
                    + " values (?, ?, 0, 0, 1800, 0, ?), (?, ?, 0, 0, 1800, 0, ?)",
                "p1", "s1", "conseillere", "p2", "s2", "benevole");

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        assertThat(jdbc.queryForMap("select enabled, updated_by from account where username = 'conseillere'"))
                .containsEntry("enabled", false).containsEntry("updated_by", "programme");
        assertThat(jdbc.queryForList("select username from account where enabled order by username", String.class))
                .containsExactly("benevole", "seule-admin");
        assertThat(jdbc.queryForList("select principal_name from spring_session", String.class))
                .containsExactly("benevole");
    }

    /**
     * A history recorded before V17, with two donors registered with one SIRET, one that left it for another, and
     * one that sent its own again: each SIRET a donor has at the end is held, by the first registered with it.
     */
    @Test
    void fillsInTheDonorsSiretsFromTheEventsAlreadyStored() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_siret_backfill_it");
        migrate(url, "16", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");
        var bank = new DonorId(UUID.randomUUID());
        var bankAgain = new DonorId(UUID.randomUUID());
        var city = new DonorId(UUID.randomUUID());
        var insurer = new DonorId(UUID.randomUUID());
        var bankSiret = new Siret("44218736500022");
        var citySiret = new Siret("21860194600013");
        var insurerSiret = new Siret("77531209300047");
        append(url, List.of(
                message("Donor", city.toString(), 0, registered(city, new Siret("73282932000074"))),
                message("Donor", bank.toString(), 0, registered(bank, bankSiret)),
                message("Donor", bankAgain.toString(), 0, registered(bankAgain, bankSiret)),
                message("Donor", insurer.toString(), 0, registered(insurer, null)),
                message("Donor", city.toString(), 1, corrected(city, citySiret)),
                message("Donor", insurer.toString(), 1, corrected(insurer, insurerSiret)),
                message("Donor", insurer.toString(), 2, corrected(insurer, insurerSiret))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));

        migrate(url, "latest", "classpath:db/command-side", "classpath:org/ordinateurssolidaires/command/migration");

        assertThat(jdbc.queryForList("select siret, donor_id from donor_siret order by siret")).containsExactly(
                Map.of("siret", citySiret.value(), "donor_id", city.value()),
                Map.of("siret", bankSiret.value(), "donor_id", bank.value()),
                Map.of("siret", insurerSiret.value(), "donor_id", insurer.value()));
    }

    /**
     * An allocation stored in a revision no release wrote, the referral under another name: V9 reads it through
     * the upcasters it is given, as the apps read the store, and counts it.
     */
    @Test
    void readsEventsThroughTheUpcasters() {
        String url = PostgresTestDatabase.emptyDatabase("ordinateurs_lookup_revisions_it");
        migrate(url, "8", "classpath:db/command-side");
        var referral = new ReferralId(UUID.randomUUID());
        var laptop = new DeviceId(UUID.randomUUID());
        append(url, List.of(message("Device", laptop.toString(), 0, new DeviceAllocated(laptop, referral, SUBMITTED))));
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        var referralNamedOtherwise = new RenamedFieldRevision(DeviceAllocated.class, "1", "referral", "referralId");
        byte[] payload = jdbc.queryForObject("select payload from domainEventEntry", byte[].class);
        jdbc.update("update domainEventEntry set payloadRevision = ?, payload = ?", RenamedFieldRevision.REVISION,
                referralNamedOtherwise.asStored(payload));
        jdbc.update("insert into referral_standing (referral_id, need, accepted) values (?, 'LAPTOP', true)",
                referral.value());

        configuration(url, "latest", "classpath:db/command-side")
                .javaMigrations(new V9__Lookups_from_the_event_history(new EventUpcasterChain(
                        EventSerialization.upcasters(), referralNamedOtherwise)))
                .load()
                .migrate();

        assertThat(jdbc.queryForObject("select devices_allocated from referral_standing where referral_id = ?",
                Integer.class, referral.value())).isEqualTo(1);
    }

    private static void migrate(String url, String target, String... locations) {
        configuration(url, target, locations).load().migrate();
    }

    private static FluentConfiguration configuration(String url, String target, String... locations) {
        return Flyway.configure()
                     .dataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
                     .locations(locations)
                     .table("flyway_command_side_history")
                     .target(target);
    }

    private static DeviceReceived received(DeviceId device, DonorId donor, String delivery) {
        return new DeviceReceived(device, new AssetTag("OS-" + device.value()), donor, delivery, DeviceCategory.LAPTOP,
                "Dell", "Latitude 5490", null, List.of(), null, SUBMITTED);
    }

    private static DonorRegistered registered(DonorId donor, Siret siret) {
        return new DonorRegistered(donor, "Donateur", DonorKind.COMPANY, siret, "Claire Dubois", "claire@example.org");
    }

    private static DonorDetailsCorrected corrected(DonorId donor, Siret siret) {
        return new DonorDetailsCorrected(donor, null, siret, null, null, "typed wrong");
    }

    private static GenericDomainEventMessage<?> message(String type, String aggregate, long sequence, Object event) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, event);
    }

    private static void append(String url, List<GenericDomainEventMessage<?>> events) {
        JdbcEventStorageEngine.builder()
                              .connectionProvider(() -> DriverManager.getConnection(url, PostgresTestDatabase.USER,
                                      PostgresTestDatabase.PASSWORD))
                              .transactionManager(NoTransactionManager.INSTANCE)
                              .eventSerializer(EventSerialization.serializer())
                              .snapshotSerializer(EventSerialization.serializer())
                              .build()
                              .appendEvents(events);
    }
}
