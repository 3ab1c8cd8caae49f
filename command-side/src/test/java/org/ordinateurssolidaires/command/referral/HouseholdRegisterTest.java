package org.ordinateurssolidaires.command.referral;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
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

        for (String sameNumber : List.of("06 39 98 12 34", "06.39.98.12.34", "0033 (0)6 39 98 12 34", "0639981234")) {
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
