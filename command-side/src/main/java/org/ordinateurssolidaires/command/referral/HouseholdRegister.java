package org.ordinateurssolidaires.command.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Recognises a household the programme already equipped when a partner refers it again. Each referral leaves
 * keyed hashes of its identifiers (e-mail, phone, name with address), normalised so that "Amina DIALLO" and
 * "amina diallo" match; without the secret the hashes cannot be tested against guesses. Forgetting the household
 * deletes them. Written in the command's transaction.
 */
@Component
@ProcessingGroup("household-register")
public class HouseholdRegister {

    private final JdbcTemplate jdbc;
    private final SecretKeySpec secret;

    HouseholdRegister(JdbcTemplate jdbc, @Value("${ordinateurs.personal-data.household-index-secret}") String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("set ordinateurs.personal-data.household-index-secret (environment: "
                    + "ORDINATEURS_PERSONAL_DATA_HOUSEHOLD_INDEX_SECRET), a secret of this deployment's own kept out "
                    + "of the repository; changing it later forgets which households were equipped");
        }
        this.jdbc = jdbc;
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Whether any of the household's identifiers belongs to a household already equipped. */
    public boolean alreadyEquipped(PersonalData household) {
        List<String> identifiers = identifiers(household);
        if (identifiers.isEmpty()) {
            return false;
        }
        // one round trip for all of them (up to six: each as read now and as read before)
        String marks = String.join(", ", Collections.nCopies(identifiers.size(), "?"));
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from household_index where"
                + " identifier_hash in (" + marks + ") and equipped)", Boolean.class, identifiers.toArray()));
    }

    /**
     * Whether another referral sharing any of this one's identifiers equipped the household. Every row of those
     * identifiers stays locked until the hand-over commits: two hand-overs of one household's two referrals at once
     * are taken one after the other, and the second finds the first's.
     */
    public boolean equippedThroughAnother(ReferralId referral) {
        return jdbc.query("""
                        select referral_id, equipped from household_index where identifier_hash in
                            (select identifier_hash from household_index where referral_id = ?)
                        order by identifier_hash, referral_id for update""",
                        (row, n) -> !referral.value().equals(row.getObject(1, UUID.class)) && row.getBoolean(2),
                        referral.value())
                   .contains(true);
    }

    /**
     * The other referrals sharing any of this one's identifiers: the same household referred again (by another
     * partner, say), whose people are to be forgotten too when they ask to be; or another household with one of its
     * identifiers (a phone given for two), which staff tell apart. None once this referral is forgotten.
     */
    public List<UUID> sameHousehold(ReferralId referral) {
        return jdbc.queryForList("""
                        select distinct other.referral_id from household_index its
                            join household_index other on other.identifier_hash = its.identifier_hash
                        where its.referral_id = ? and other.referral_id <> its.referral_id
                        order by other.referral_id""", UUID.class, referral.value());
    }

    public void remember(ReferralId referral, PersonalData household) {
        identifiers(household).forEach(hash -> jdbc.update(
                "insert into household_index (identifier_hash, referral_id) values (?, ?)", hash, referral.value()));
    }

    public void forget(ReferralId referral) {
        jdbc.update("delete from household_index where referral_id = ?", referral.value());
    }

    @EventHandler
    void on(ReferralFulfilled event) {
        jdbc.update("update household_index set equipped = true where referral_id = ?", event.referralId().value());
    }

    /**
     * Identifiers too short to tell households apart ("néant" for a phone, a one-letter name) are left out. Each
     * as it is read now, and as it was read before characters nobody sees and a "+33 06" were read through (a
     * referral remembered then is still found by its identifiers as they were hashed).
     */
    private List<String> identifiers(PersonalData household) {
        Set<String> identifiers = new LinkedHashSet<>();
        for (boolean formerly : new boolean[]{false, true}) {
            String email = household.email() == null ? ""
                    : (formerly ? household.email() : visible(household.email())).strip().toLowerCase(Locale.ROOT);
            if (email.contains("@")) {
                identifiers.add(hash("email:" + email));
            }
            String phone = household.phone() == null ? "" : nationalNumber(household.phone(), formerly);
            if (phone.length() >= 8) {
                identifiers.add(hash("phone:" + phone));
            }
            String name = household.name() == null ? "" : plain(household.name(), formerly);
            String address = household.address() == null ? "" : plain(household.address(), formerly);
            if (name.length() >= 3 && address.length() >= 5) {
                identifiers.add(hash("name-address:" + name + "|" + address));
            }
        }
        return List.copyOf(identifiers);
    }

    /**
     * "+33 6 12 34 56 78", "+33 06 12 34 56 78", "0033 (0)6 12 34 56 78", "06.12.34.56.78" and "0612345678" are one
     * number (formerly: not the second).
     */
    private static String nationalNumber(String phone, boolean formerly) {
        String digits = phone.replace("(0)", "").replaceAll("\\D", "");
        if (digits.startsWith("0033")) {
            digits = digits.substring(2);
        }
        if (!formerly && digits.startsWith("330") && digits.length() == 12) {
            return digits.substring(2);
        }
        return digits.startsWith("33") && digits.length() == 11 ? "0" + digits.substring(2) : digits;
    }

    /**
     * Without accents, case or punctuation: "Rue de l'Église" and "rue de l eglise" are one street; and read as it
     * shows: "Ａmina" (full width) is "Amina", and a character nobody sees ("Ami\u200Bna") is left out (formerly:
     * neither). Not {@code PlainWords}, which keeps every script's letters: the hashes stored were made of ASCII
     * letters and digits only.
     */
    private static String plain(String text, boolean formerly) {
        String shown = formerly ? text : visible(Normalizer.normalize(text, Normalizer.Form.NFKC));
        return Normalizer.normalize(shown, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                         .replaceAll("[^\\p{Alnum}]+", " ").strip();
    }

    /** Without the characters that show nothing (a zero-width space, a soft hyphen, a joiner). */
    private static String visible(String text) {
        return INVISIBLE.matcher(text).replaceAll("");
    }

    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");

    private String hash(String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
