package org.ordinateurssolidaires.command.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the names and references people compare, read character by character: the patterns they were
 * written as before took time growing with the square of a long name's length ({@link OneScriptPerWord}) or
 * overflowed the stack on a long reference ({@link PlainReference}), a 500 from a page's form. Each rule is checked
 * against the pattern it replaced on random texts of the characters that matter to it.
 */
class NamesWrittenPlainlyTest {

    /**
     * {@link OneScriptPerWord} as it was written: a letter of one alphabet, letters or marks, one of another; with,
     * since, the characters nobody sees (format characters) among the letters of a word rather than between words.
     */
    private static final Pattern MIXED_WORD_BEFORE = Pattern.compile("(?s)(?!.*(?:"
            + "\\p{IsLatin}[\\p{L}\\p{M}\\p{Cf}]*(?:\\p{IsGreek}|\\p{IsCyrillic})"
            + "|\\p{IsGreek}[\\p{L}\\p{M}\\p{Cf}]*(?:\\p{IsLatin}|\\p{IsCyrillic})"
            + "|\\p{IsCyrillic}[\\p{L}\\p{M}\\p{Cf}]*(?:\\p{IsLatin}|\\p{IsGreek})"
            + ")).*");
    /** {@link PlainReference}'s pattern as it was written. */
    private static final Pattern PLAIN_BEFORE = Pattern.compile("(?:[^\\p{Pd}\\u2212\\uFF00-\\uFFEF]|-)*");

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Named(@OneScriptPerWord String name) {
    }

    record Referenced(@PlainReference String reference) {
    }

    record Shown(@NothingHidden String name) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aWordWithLettersOfTwoAlphabetsIsRefusedWordsOfTwoAreNot() {
        for (String mixed : new String[]{"CCAS de P\u043Eitiers", "\u0391ssociation Emmaüs", "\u0421\u043Emmune",
                                         "Cafe\u0301\u03B1", "\u2160\u03B1", "Salle \u0392\u2160",
                                         "Amin\u200B\u0430", "Ami\u00AD\u043Da"}) {
            assertThat(acceptedName(mixed)).as(mixed).isFalse();
        }
        for (String plain : new String[]{"Ελληνική Κοινότητα de Poitiers – Общество", "ΣΟΦΙΑ", "Salle 2-B",
                                         "a-\u03B1", "a1\u03B1", "日本語 Poitiers", "", " "}) {
            assertThat(acceptedName(plain)).as(plain).isTrue();
        }
        assertThat(VALIDATOR.validate(new Named(null))).isEmpty();
    }

    @Test
    void aNameHidesNoCharacterButTheJoinersOfTheScriptsTheyShape() {
        for (String hiding : new String[]{"Ami\u200Bn", "Mar\u00ADtin", "\u2060Salle", "Emma\u200Dus", "a\u200C",
                                          "Salle\u200E B", "\u0645\u200C", "\u200C\u0645", "\u0645\u200C 1",
                                          "Caf\u034Fe", "Jos\uFE0Fe", "\u3164", "Nom\uFEFF", "\u4E2D\u200D\u6587",
                                          "\u3042\u200C\u3044", "\u0645\u200CAmin", "\u0628\u200D\u064E",
                                          "\u0627\u200C\u0628", "\u2764\uFE0F", "Ami\uFFF9n", "Ami\uFFFBn",
                                          "\uD80D\uDC30", "Ami\uFFFDn", "Ami\u17D2\u200Dn", "a\u094D\u200Cb"}) {
            assertThat(VALIDATOR.validate(new Shown(hiding))).as(hiding).isNotEmpty();
        }
        // Persian's non-joiner, one after a vowel mark, Devanagari's joiner after a virama, Malayalam's chillu
        for (String written : new String[]{"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
                                           "\u0628\u064E\u200C\u0628", "\u0915\u094D\u200D\u0937",
                                           "\u0D28\u0D4D\u200D", "Émile Zola", "", " "}) {
            assertThat(VALIDATOR.validate(new Shown(written))).as(written).isEmpty();
        }
        assertThat(VALIDATOR.validate(new Shown(null))).isEmpty();
    }

    @Test
    void theAlphabetsRuleRefusesWhatItsPatternRefused() {
        // with a lone surrogate, letters beyond the first 65,536 (mathematical A, a Greek numeral), unassigned ones
        assertRefusesAsBefore("aéZΑβσжЖ\u0301\u0308\u2160\u0384\u0482 1-–·日ا\uD800\uD835\uDC00\uD800\uDD40\u0378"
                + "\u200B\u00AD", 10,
                NamesWrittenPlainlyTest::acceptedName, MIXED_WORD_BEFORE);
    }

    @Test
    void theReferenceRuleRefusesWhatItsPatternRefused() {
        assertRefusesAsBefore("LIV04-‐–—−－Ｌ ａ/", 8, NamesWrittenPlainlyTest::acceptedReference, PLAIN_BEFORE);
    }

    /** A million characters: hours for the alphabets' former pattern, a stack overflow for the reference's. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a pattern's loop heeds no interruption
    void aLongTextIsReadOnce() {
        String letters = "L".repeat(1_000_000);

        assertThat(acceptedName(letters)).isTrue();
        assertThat(acceptedName(letters + "\u03B1")).isFalse();
        assertThat(acceptedReference(letters)).isTrue();
        assertThat(acceptedReference(letters + "\u2010")).isFalse();
    }

    private static boolean acceptedName(String name) {
        return VALIDATOR.validate(new Named(name)).isEmpty();
    }

    private static boolean acceptedReference(String reference) {
        return VALIDATOR.validate(new Referenced(reference)).isEmpty();
    }

    /** Random texts of up to {@code longest} of those characters, accepted now as the former pattern accepted them. */
    private static void assertRefusesAsBefore(String characters, int longest, Predicate<String> accepted,
                                              Pattern before) {
        Random random = new Random(20261206);
        for (int n = 0; n < 50_000; n++) {
            String text = randomText(random, characters, longest);
            assertThat(accepted.test(text)).as(text).isEqualTo(before.matcher(text).matches());
        }
    }

    private static String randomText(Random random, String characters, int longest) {
        int[] codePoints = characters.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(longest + 1); length > 0; length--) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }
}
