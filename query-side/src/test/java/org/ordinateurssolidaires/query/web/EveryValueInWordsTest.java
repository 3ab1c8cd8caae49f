package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.query.audit.AuditReport;
import org.ordinateurssolidaires.query.audit.AuditRule;
import org.ordinateurssolidaires.query.donor.BatchRecord;
import org.ordinateurssolidaires.query.erasure.ErasureRecord;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.ErasureStatus;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value a page or a document names in words has its words in both languages: a value added to an enum
 * without them showed as {@code ??partnerKind.OTHER_INSTITUTION_fr??}.
 */
class EveryValueInWordsTest {

    private static final Map<String, Class<? extends Enum<?>>> SAID = Map.ofEntries(
            Map.entry("partnerKind", PartnerKind.class), Map.entry("destruction", DestructionMethod.class),
            Map.entry("mediaType", MediaType.class), Map.entry("category", DeviceCategory.class),
            Map.entry("technique", SanitisationTechnique.class), Map.entry("level", SanitisationLevel.class),
            Map.entry("grade", QualityGrade.class), Map.entry("verification", VerificationMethod.class),
            Map.entry("donorKind", DonorKind.class), Map.entry("criterion", EligibilityCriterion.class),
            Map.entry("state", DeviceState.class),
            Map.entry("devicesIn", DeviceState.class), Map.entry("erasure", ErasureStatus.class),
            Map.entry("outcome", ErasureRecord.Outcome.class), Map.entry("auditRule", AuditRule.class),
            Map.entry("tampering", AuditReport.TamperingKind.class),
            Map.entry("reconciliation", BatchRecord.Reconciliation.class));

    @Test
    void everyValueHasItsWordsInFrenchAndInEnglish() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String language : List.of("messages.properties", "messages_en.properties")) {
            Properties words = words(language);
            SAID.forEach((prefix, type) -> Arrays.stream(type.getEnumConstants())
                    .map(value -> prefix + "." + value.name()).filter(key -> !words.containsKey(key))
                    .forEach(key -> missing.add(language + ": " + key)));
            Arrays.stream(AuditRule.values()).map(rule -> "auditRule." + rule.name() + ".description")
                  .filter(key -> !words.containsKey(key)).forEach(key -> missing.add(language + ": " + key));
        }
        assertThat(missing).isEmpty();
    }

    /**
     * A refused moment is named, above its form, as the form names it ("Attribué le : obligatoire"): it was "Date" for
     * every one of a device page's forms, which its reader had to match to "Attribué le" or "Remis le". Moments drawn
     * by the forms' fragment, and those with a label of their own before their field.
     */
    @Test
    void aRefusedMomentIsNamedAsItsFormNamesIt() throws IOException {
        String page;
        try (var template = getClass().getResourceAsStream("/templates/inventory/device.html")) {
            page = new String(template.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher moment = Pattern.compile("moment\\(\\$\\{form}, '(\\w+)', #\\{([\\w.]+)}\\)"
                + "|th:text=\"#\\{([\\w.]+)}\"[^<]*</label>\\s*<input[^>]*name=\"(\\w+At)\"").matcher(page);
        List<String> misnamed = new ArrayList<>();
        int moments = 0;
        for (; moment.find(); moments++) {
            for (String language : List.of("messages.properties", "messages_en.properties")) {
                Properties words = words(language);
                String field = moment.group(1) != null ? moment.group(1) : moment.group(4);
                String refused = words.getProperty("field." + field);
                String labelled = words.getProperty(moment.group(1) != null ? moment.group(2) : moment.group(3));
                if (refused == null || !refused.equals(labelled)) {
                    misnamed.add(language + ": " + field + " refused as " + refused
                                 + ", labelled " + labelled);
                }
            }
        }
        assertThat(moments).as("the device page's moments").isGreaterThanOrEqualTo(9);
        assertThat(misnamed).isEmpty();
    }

    private Properties words(String language) throws IOException {
        Properties words = new Properties();
        try (var file = new InputStreamReader(getClass().getResourceAsStream("/" + language), StandardCharsets.UTF_8)) {
            words.load(file);
        }
        return words;
    }

    /** A dashboard's tile counts devices: "16 Attribués" agrees with its figure, as "1 Attribué" and "0 Attribué". */
    @Test
    void aCountOfDevicesAgreesWithItsFigureInFrench() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        assertThat(messages.getMessage("devicesIn.ALLOCATED", new Object[] {16L}, Locale.FRENCH)).isEqualTo("Attribués");
        assertThat(messages.getMessage("devicesIn.ALLOCATED", new Object[] {1L}, Locale.FRENCH)).isEqualTo("Attribué");
        assertThat(messages.getMessage("devicesIn.ALLOCATED", new Object[] {0L}, Locale.FRENCH)).isEqualTo("Attribué");
        assertThat(messages.getMessage("devicesIn.READY", new Object[] {2L}, Locale.FRENCH)).isEqualTo("Prêts à donner");
        assertThat(messages.getMessage("devicesIn.HANDED_OVER", new Object[] {2L}, Locale.FRENCH)).isEqualTo("Remis");
        assertThat(messages.getMessage("devicesIn.ALLOCATED", new Object[] {16L}, Locale.ENGLISH)).isEqualTo("Allocated");
    }
}
