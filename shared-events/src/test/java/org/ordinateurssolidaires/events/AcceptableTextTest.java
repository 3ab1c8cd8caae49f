package org.ordinateurssolidaires.events;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.events.AcceptableText.IDENTIFIER;
import static org.ordinateurssolidaires.events.AcceptableText.MULTI_LINE;
import static org.ordinateurssolidaires.events.AcceptableText.ONE_LINE;

class AcceptableTextTest {

    @Test
    void acceptsOrdinaryTextInAnyScriptWithEmojiAndNothingAtAll() {
        for (String text : new String[] {"Dell Latitude 5490", "rayure près de l'écran", "Ünïcödé — «ok»",
                "日本語のメモ", "répar\u00E9 👍🏽", "=HYPERLINK(\"http://x\")", "", " "}) {
            assertThat(MULTI_LINE.problem(text)).as(text).isEmpty();
            assertThat(ONE_LINE.problem(text)).as(text).isEmpty();
        }
        assertThat(ONE_LINE.problem(null)).isEmpty();
    }

    /** Written as if something were there, and nothing shows: refused on every path, in a name as in a header. */
    @Test
    void refusesTextWithCharactersOfWhichNoneIsVisible() {
        for (String blank : new String[] {"\u00A0", "\u200B\u200B", "\u2060", "\u0301\u0301", " \u00A0 ",
                "\u3164", "\uFEFF", "\u2800"}) {
            assertThat(ONE_LINE.problem(blank)).as("%s", blank.codePoints().mapToObj(Integer::toHexString).toList())
                    .hasValue("has no visible character (only spaces, invisible characters or accents alone)");
            assertThat(IDENTIFIER.problem(blank)).isPresent();
        }
        assertThat(MULTI_LINE.problem("\u00A0\n\u200B")).isPresent();
        for (String written : new String[] {"Dell\u00A0Inc", "e\u0301cran", "\u200Bx", "👍🏽", " \t", "\u00A0a"}) {
            assertThat(MULTI_LINE.problem(written)).as(written).isEmpty();
        }
    }

    @Test
    void refusesEveryC0ControlCharacterButTabAndLineBreaksInNotes() {
        IntStream.range(0, 0x20).filter(c -> c != '\t' && c != '\n' && c != '\r').forEach(c ->
                assertThat(MULTI_LINE.problem("a" + (char) c + "b")).as("U+%04X", c)
                        .hasValue(String.format("must not contain U+%04X (a control character), found at character 2", c)));
        assertThat(MULTI_LINE.problem("line one\r\nline two\tand a tab")).isEmpty();
    }

    @Test
    void refusesTabAndLineBreaksOnOneLine() {
        assertThat(ONE_LINE.problem("a\tb")).hasValue("must not contain U+0009 (a control character), found at character 2");
        assertThat(ONE_LINE.problem("a\nb")).isPresent();
        assertThat(IDENTIFIER.problem("camille\r")).isPresent();
        // the line and paragraph separators break a line as shown (an outside probe had one in a donor's name)
        assertThat(ONE_LINE.problem("Line\u2028Sep"))
                .hasValue("must not contain U+2028 (a line break), found at character 5");
        assertThat(ONE_LINE.problem("Para\u2029Sep")).isPresent();
        assertThat(MULTI_LINE.problem("line one\u2028line two")).isEmpty();
    }

    @Test
    void refusesDeleteAndC1ControlCharacters() {
        assertThat(MULTI_LINE.problem("\u007F")).hasValue("must not contain U+007F (a control character), found at character 1");
        assertThat(MULTI_LINE.problem("x\u0085")).isPresent();
        assertThat(MULTI_LINE.problem("x\u009B31m")).isPresent();
        assertThat(MULTI_LINE.problem("\u00A0non-breaking space is text")).isEmpty();
    }

    @Test
    void refusesUnpairedSurrogatesAndNonCharacters() {
        assertThat(MULTI_LINE.problem("a\uD83D")).hasValue("must not contain U+D83D (half of a surrogate pair), found at character 2");
        assertThat(MULTI_LINE.problem("\uDC4Da")).isPresent();
        assertThat(MULTI_LINE.problem("\uFFFE")).hasValue("must not contain U+FFFE (a Unicode non-character), found at character 1");
        assertThat(MULTI_LINE.problem("\uFFFF")).isPresent();
        assertThat(MULTI_LINE.problem("\uFDD0")).isPresent();
        assertThat(MULTI_LINE.problem(new String(Character.toChars(0x1FFFF)))).isPresent();
        assertThat(MULTI_LINE.problem(new String(Character.toChars(0x1D800)))).as("a supplementary character").isEmpty();
    }

    @Test
    void refusesTextLongerThanItsBound() {
        assertThat(MULTI_LINE.problem("a".repeat(AcceptableText.DEFAULT_MAX_LENGTH))).isEmpty();
        assertThat(MULTI_LINE.problem("a".repeat(AcceptableText.DEFAULT_MAX_LENGTH + 1)))
                .hasValue("must be at most 2000 characters long");
        assertThat(IDENTIFIER.problem("u".repeat(4000))).hasValue("must be at most 100 characters long");
    }

    @Test
    void namesTheFirstRefusedOfSeveralNamedValues() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("page", new String[] {"0"});
        parameters.put("serial", new String[] {"WD-1", "WD\u00002"});
        parameters.put("operator", new String[] {"\u001B[31m"});

        assertThat(ONE_LINE.firstRefused(parameters)).hasValue(new AcceptableText.Refusal("serial",
                "must not contain U+0000 (a control character), found at character 3"));
        assertThat(ONE_LINE.firstRefused(Map.of("serial", new String[] {"WD-1"}))).isEmpty();
    }

    /** "Dell\u202ELLED" reads "DellDELL" where it is shown: the controls that reorder text are refused. */
    @Test
    void refusesTheDirectionControlsThatReorderWhatIsShown() {
        for (char control : new char[]{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067',
                '\u2068', '\u2069'}) {
            assertThat(ONE_LINE.problem("Dell" + control + "LLED")).as("U+%04X", (int) control).hasValue(
                    String.format("must not contain U+%04X (a direction control), found at character 5", (int) control));
        }
        assertThat(ONE_LINE.problem("\u0645\u062D\u0645\u062F \u200Fabc")).as("Arabic, and a mark").isEmpty();
    }

    @Test
    void tidiesTextWithoutTheSpacesAroundItWithItsLinesEndedAlikeAndComposed() {
        assertThat(AcceptableText.tidied("  E\u0301lise Martin ")).isEqualTo("\u00C9lise Martin");
        assertThat(AcceptableText.tidied("Dell Inc")).isEqualTo("Dell Inc");
        assertThat(AcceptableText.tidied("rayure\r\ncapot\n")).as("a text area's lines, as a browser sends them")
                .isEqualTo("rayure\ncapot");
    }

    @Test
    void showsTheCharactersItRefusesAsTheReplacementCharacter() {
        assertThat(MULTI_LINE.refusedShown("a\u0000b\tc\n\u009B\uD83D\uFFFE\uD83D\uDE00"))
                .isEqualTo("a\uFFFDb\tc\n\uFFFD\uFFFD\uFFFD\uD83D\uDE00");
        assertThat(ONE_LINE.refusedShown("a\tb")).isEqualTo("a\uFFFDb");
    }
}
