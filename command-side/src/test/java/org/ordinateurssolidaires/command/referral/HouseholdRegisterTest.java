package org.ordinateurssolidaires.command.referral;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which identifiers make two referrals one household, on the register's own table in memory. */
class HouseholdRegisterTest {

    private HouseholdRegister register;
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyRegister() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1"));
        jdbc.execute("create table household_index (identifier_hash varchar(64) not null, referral_id uuid not null,"
                + " equipped boolean not null default false, primary key (identifier_hash, referral_id))");
        register = new HouseholdRegister(jdbc, "a test secret");
    }

    @Test
    void recognisesOnePhoneNumberHoweverItIsWritten() {
        equipped(new PersonalData("Amina Diallo", "+33 6 39 98 12 34", null, null, null, null));

        for (String sameNumber : List.of("06 39 98 12 34", "06.39.98.12.34", "0033 (0)6 39 98 12 34", "0639981234",
                "+33 06 39 98 12 34")) {
            assertThat(register.alreadyEquipped(new PersonalData("?", sameNumber, null, null, null, null)))
                    .as(sameNumber).isTrue();
        }
        assertThat(register.alreadyEquipped(new PersonalData("Amina Diallo", "06 39 98 99 99", null, null, null, null)))
                .as("a namesake with another number").isFalse();
    }

    @Test
    void recognisesAnEmailOrANameAtAnAddressWrittenDifferently() {
        equipped(new PersonalData("Amina Diallo", null, "Amina.Diallo@example.org", "3 rue de l'Église, Poitiers",
                null, null));

        assertThat(register.alreadyEquipped(new PersonalData("X", null, " amina.diallo@EXAMPLE.org", null, null, null)))
                .isTrue();
        assertThat(register.alreadyEquipped(new PersonalData("AMINA DIALLO", null, null, "3 Rue de l Eglise Poitiers",
                null, null))).isTrue();
        assertThat(register.alreadyEquipped(new PersonalData("Amina Diallo", null, null, "5 rue Carnot, Poitiers",
                null, null))).isFalse();
    }

    /**
     * What shows the same is the same household: a character nobody sees in a name, an address or an e-mail, a letter
     * in full width (an outside probe had each referral accepted for a household already equipped).
     */
    @Test
    void recognisesANameAnAddressOrAnEmailWithCharactersNobodySees() {
        equipped(new PersonalData("Amina Diallo", null, "jordan@example.org", "12 rue de la Paix, 86000 Poitiers",
                null, null));

        for (String name : List.of("Ami\u200Bna Diallo", "Ami\u00ADna Diallo", "\uFF21mina Diallo")) {
            assertThat(register.alreadyEquipped(new PersonalData(name, null, null,
                    "12 rue de la Pa\u200Dix, 86000 Poitiers", null, null))).as(name).isTrue();
        }
        assertThat(register.alreadyEquipped(new PersonalData("X", null, "jordan\u200B@example.org", null, null, null)))
                .isTrue();
    }

    /** Remembered before "+33 06" and invisible characters were read through: still found as it was written. */
    @Test
    void stillRecognisesAHouseholdRememberedAsItWasReadBefore() throws Exception {
        var before = new ReferralId(UUID.randomUUID());
        PersonalData household = new PersonalData("Ami\u200Bna Diallo", "+33 06 39 98 02 31", null,
                "12 rue de la Paix", null, null);
        register.remember(before, household);
        register.on(new ReferralFulfilled(before, List.of(), Instant.now()));
        // as the register of the earlier release left it: the hashes of the identifiers as they were read then
        jdbc.update("delete from household_index where referral_id = ? and identifier_hash not in (?, ?)",
                before.value(), hmac("phone:330639980231"), hmac("name-address:ami na diallo|12 rue de la paix"));
        assertThat(jdbc.queryForObject("select count(*) from household_index", Integer.class)).isEqualTo(2);

        assertThat(register.alreadyEquipped(household)).isTrue();
        assertThat(register.alreadyEquipped(new PersonalData("Amina Diallo", "06 39 98 02 31", null, null, null, null)))
                .as("written plainly now: the earlier hashes are not of it").isFalse();
    }

    /** A stored identifier's hash: HMAC-SHA256 under the register's secret, in hexadecimal. */
    private static String hmac(String identifier) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a test secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leavesOutIdentifiersTooShortToTellHouseholdsApart() {
        equipped(new PersonalData("Al", "néant", "-", "x", null, null));

        assertThat(register.alreadyEquipped(new PersonalData("Al", "néant", "-", "x", null, null))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from household_index", Integer.class)).isZero();
    }

    @Test
    void forgetsAHouseholdEntirely() {
        var household = new PersonalData("Amina Diallo", "06 39 98 12 34", null, null, null, null);
        ReferralId referral = equipped(household);

        register.forget(referral);

        assertThat(register.alreadyEquipped(household)).isFalse();
    }

    /** Two referrals of one household made while it waited: once one equipped it, the other knows. */
    @Test
    void tellsAReferralThatAnotherOfItsHouseholdEquippedIt() {
        var waiting = new ReferralId(UUID.randomUUID());
        register.remember(waiting, new PersonalData("Yvonne Martin", "06 11 22 33 44", null, null, null, null));
        ReferralId other = equipped(new PersonalData("Y. Martin", "+33 6 11 22 33 44", null, null, null, null));
        var stranger = new ReferralId(UUID.randomUUID());
        register.remember(stranger, new PersonalData("Paul Durand", "06 99 88 77 66", null, null, null, null));

        assertThat(register.equippedThroughAnother(waiting)).isTrue();
        assertThat(register.equippedThroughAnother(other)).as("its own equipment").isFalse();
        assertThat(register.equippedThroughAnother(stranger)).isFalse();
    }

    private ReferralId equipped(PersonalData household) {
        var referral = new ReferralId(UUID.randomUUID());
        register.remember(referral, household);
        register.on(new ReferralFulfilled(referral, List.of(), Instant.now()));
        return referral;
    }
}
