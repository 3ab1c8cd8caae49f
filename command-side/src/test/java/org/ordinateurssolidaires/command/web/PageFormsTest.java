package org.ordinateurssolidaires.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.web.pages.FormRefusal;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageFormsTest {

    /** A form's fields: one text, and a list of ids ticked on the page. */
    record HandOver(String manufacturer, List<UUID> deviceIds) {
    }

    /** A referral's form, with a household's data, and a quality check's, whose notes are the workshop's. */
    record Referral(@NotNull String need, @SealedWhenStored String notes, @SealedWhenStored Person personalData) {
    }

    record Opening(@NotBlank @Size(min = 3) String username, @Secret @Size(min = 12) String password) {
    }

    record Person(String name) {
    }

    record Check(@NotNull String grade, String notes) {
    }

    /** A household's referral: its person, a group of fields of its own. */
    record Household(@NotNull String need, @NotNull @Valid Contact personalData) {
    }

    record Contact(@NotBlank String name, String phone) {
    }

    record Named(@NothingHidden String model, @NotNull String grade) {
    }

    /** A ceremony moved: a day, and why. */
    record Move(@NotNull LocalDate date, @NotBlank String reason, @NotBlank @Size(max = 10) String place) {
    }

    /** A place, written as a pattern says, and why. */
    record Place(@NotBlank @Pattern(regexp = "[A-Z][a-z]+") String place, @NotBlank String reason) {
    }

    /** A stay somewhere, from one day to another. */
    record Stay(@NotBlank @Pattern(regexp = "[A-Z][a-z]+") String place, @NotNull LocalDate from,
                @NotNull LocalDate to) {

        @AssertTrue(message = "ends after it begins")
        boolean isInOrder() {
            return from == null || to == null || !to.isBefore(from);
        }
    }

    /** A reception's form: the media found, row by row, and a statement when there is none. */
    record Reception(@NotNull List<Medium> storageMedia, Statement storageRemoval) {
    }

    record Assembly(@NotBlank String manufacturer, @NotNull List<@Valid Part> parts) {
    }

    record Part(@PositiveOrZero Integer capacity, @NotBlank String label) {
    }

    record Medium(String serialNumber) {
    }

    record Statement(String statedBy) {
    }

    /** A step's moment, as a browser's date and time field sends it: the programme's local time. */
    record Moment(@NotNull Instant at) {
    }

    /** A form's record as its controller keeps it: its own, not public. */
    private record Dispute(@NotBlank String raisedBy, String comment) {
    }

    private final PageForms forms = new PageForms(null, validator(), ZoneId.of("Europe/Paris"));

    /** What the page sent is read from the record all the same: the donor's dispute was a 500 when it was not. */
    @Test
    void aFormIsBoundToItsControllersOwnRecord() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/livraisons/contestation");
        sent.addParameter("raisedBy", "Claire Dubois");
        sent.addParameter("comment", "Il manque un écran.");

        assertThat(forms.bind(Dispute.class, sent, Map.of())).isEqualTo(new Dispute("Claire Dubois",
                "Il manque un écran."));
    }

    /**
     * Without the spaces around each field's text and composed, as the API reads a JSON body's ("écran" sent as an e
     * and a combining accent); a password as it was typed.
     */
    @Test
    void aFieldIsReadTidiedButAPassword() {
        MockHttpServletRequest dispute = new MockHttpServletRequest("POST", "/actions/livraisons/contestation");
        dispute.addParameter("raisedBy", "  Claire Dubois ");
        dispute.addParameter("comment", " Il manque un e\u0301cran.   ");
        MockHttpServletRequest opening = new MockHttpServletRequest("POST", "/actions/comptes");
        opening.addParameter("username", " lea.martin ");
        opening.addParameter("password", "  a long enough e\u0301 secret ");

        assertThat(forms.bind(Dispute.class, dispute, Map.of()))
                .isEqualTo(new Dispute("Claire Dubois", "Il manque un \u00E9cran."));
        assertThat(forms.bind(Opening.class, opening, Map.of()))
                .isEqualTo(new Opening("lea.martin", "  a long enough e\u0301 secret "));
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamingItRatherThanJoinedOrDropped() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("manufacturer", "Dell", "ab");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(HandOver.class, sent, Map.of()));

        assertThat(refused.fields().getFieldError("manufacturer").getCode()).isEqualTo("Repeated");
    }

    @Test
    void aFieldThatIsNoneOfTheFormsIsRefusedGivenTwiceToo() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("page", "/inventaire", "//elsewhere.example");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(HandOver.class, sent, Map.of()));

        assertThat(refused.fields().getFieldError("page").getCode()).isEqualTo("Repeated");
    }

    /** As the API refuses a JSON field its request has not; the fields every form has pass. */
    @Test
    void aFieldTheFormHasNotIsRefused() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("manufacturer", "Dell");
        sent.addParameter("manufacturor", "HP");
        sent.addParameter("deviceIds[0].serial", "S1");
        for (String everyForms : List.of("_csrf", "commandId", "form", "page")) {
            sent.addParameter(everyForms, "x");
        }

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(HandOver.class, sent, Map.of()));

        assertThat(refused.fields().getFieldErrors()).extracting(error -> error.getField() + " " + error.getCode())
                .containsExactlyInAnyOrder("manufacturor Unknown", "deviceIds[0].serial Unknown");
    }

    /** A button's form (removing a contact): its command id given twice is refused, not the first one taken. */
    @Test
    void aFormWithNoFieldOfItsOwnIsHeldToTheSameRules() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/partenaires");
        sent.addParameter("commandId", UUID.randomUUID().toString(), UUID.randomUUID().toString());
        sent.addParameter("page", "/partenaires\u001B");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.checkFieldless(sent));

        assertThat(refused.fields().getFieldError("commandId").getCode()).isEqualTo("Repeated");
        assertThat(refused.fields().getFieldError("page").getCode()).isEqualTo("AcceptableText");
    }

    /**
     * A page sends a list of plain values as its name repeated: one named by its index beside it was dropped unread
     * (a hand-over recorded without it), alone it bound its gaps as missing devices. Either is no field of the page.
     */
    @Test
    void anElementOfAListNamedByItsIndexIsRefused() {
        MockHttpServletRequest beside = new MockHttpServletRequest("POST", "/actions/remise");
        beside.addParameter("manufacturer", "Dell");
        beside.addParameter("deviceIds", UUID.randomUUID().toString());
        beside.addParameter("deviceIds[5]", UUID.randomUUID().toString());
        MockHttpServletRequest alone = new MockHttpServletRequest("POST", "/actions/remise");
        alone.addParameter("manufacturer", "Dell");
        alone.addParameter("deviceIds[3]", UUID.randomUUID().toString(), UUID.randomUUID().toString());

        for (MockHttpServletRequest sent : List.of(beside, alone)) {
            PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                    () -> forms.bind(HandOver.class, sent, Map.of()));

            assertThat(refused.fields().getFieldErrors()).extracting(error -> error.getField() + " " + error.getCode())
                    .containsExactly(sent == beside ? "deviceIds[5] Unknown" : "deviceIds[3] Unknown");
        }
    }

    @Test
    void aListTakesEveryValueGiven() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/remise");
        sent.addParameter("manufacturer", "Dell");
        sent.addParameter("deviceIds", first.toString(), second.toString());

        assertThat(forms.bind(HandOver.class, sent, Map.of())).isEqualTo(new HandOver("Dell", List.of(first, second)));
    }

    /** What the server gives (a report's digest, a decision's moment) is never the page's to send. */
    @Test
    void aFieldTheServerComputesIsRefusedFromThePage() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("manufacturer", "Dell");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(HandOver.class, sent, Map.of("manufacturer", "HP")));

        assertThat(refused.fields().getFieldError("manufacturer").getCode()).isEqualTo("Unknown");
    }

    /** Of two files sent under one name, only the first would be read. */
    @Test
    void aFileGivenTwiceIsRefused() {
        MockMultipartHttpServletRequest sent = new MockMultipartHttpServletRequest();
        sent.addFile(new MockMultipartFile("toolReport", "first.txt", "text/plain", new byte[]{1}));
        sent.addFile(new MockMultipartFile("toolReport", "second.txt", "text/plain", new byte[]{2}));

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(HandOver.class, sent, Map.of()));

        assertThat(refused.fields().getFieldError("toolReport").getCode()).isEqualTo("Repeated");
    }

    /**
     * A refused form comes back with what was typed, but for a household's data, typed again: what its request
     * marks sealed, not what happens to share a name with it (the quality check's notes).
     */
    @Test
    void aRefusedFormKeepsWhatWasTypedButAHouseholdsData() {
        assertThat(typedAfterRefusal(Referral.class, Map.of("notes", "vit seule", "personalData.name", "Awa")))
                .doesNotContainKeys("notes", "personalData.name").containsEntry("form", "refer");
        assertThat(typedAfterRefusal(Check.class, Map.of("notes", "écran fêlé")))
                .containsEntry("notes", "écran fêlé");
    }

    /** Nor a secret: a password refused, or beside a field refused, is typed again, never kept in the session. */
    @Test
    void aRefusedFormKeepsWhatWasTypedButAPassword() {
        assertThat(typedAfterRefusal(Opening.class, Map.of("username", "lé", "password", "a long enough secret")))
                .containsEntry("username", "lé").doesNotContainKey("password");
        assertThat(typedAfterRefusal(Opening.class, Map.of("username", "lea", "password", "short")))
                .containsEntry("username", "lea").doesNotContainKey("password");
    }

    /**
     * Only the form's own fields come back, each as long as a field may be: what was typed is kept in the browser's
     * session until the form is shown again, and a form of 2 MB of fields no page has was kept whole.
     */
    @Test
    void aRefusedFormKeepsWhatItsFieldsMayHoldAndNothingElse() {
        Map<String, String> typed = typedAfterRefusal(Check.class, Map.of("notes", "n".repeat(5_000),
                "stranger", "s".repeat(5_000)));

        assertThat(typed).containsOnlyKeys("form", "notes");
        assertThat(typed.get("notes")).isEqualTo("n".repeat(2_000));
    }

    /** What was typed comes back with its control characters shown as such, its line breaks kept: never a NUL. */
    @Test
    void aRefusedFormShowsTheControlCharactersTyped() {
        assertThat(typedAfterRefusal(Check.class, Map.of("notes", "écran\u0000fêlé\nclavier\u001B")))
                .containsEntry("notes", "écran\uFFFDfêlé\nclavier\uFFFD");
    }

    /**
     * A make or model kept before names were held to hide nothing comes back in a correction's prefilled form: refused,
     * it is typed back with what it hid shown, or nobody could see what to take out.
     */
    @Test
    void aNameRefusedForWhatItHidesIsTypedBackShowingWhere() {
        assertThat(typedAfterRefusal(Named.class, Map.of("model", "Latitude\u200B7490")))
                .containsEntry("model", "Latitude\uFFFD7490");
        assertThat(typedAfterRefusal(Named.class, Map.of("model", "Latitude\u200B7490", "grade", "A")))
                .containsEntry("model", "Latitude\uFFFD7490");
        assertThat(typedAfterRefusal(Named.class, Map.of("model", "\u0645\u06CC\u200C\u062E")))
                .as("refused for another field: as typed").containsEntry("model", "\u0645\u06CC\u200C\u062E");
    }

    private Map<String, String> typedAfterRefusal(Class<?> form, Map<String, String> fields) {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/x");
        sent.addParameter("form", "refer");
        fields.forEach(sent::addParameter);
        return refusalOf(form, sent).values();
    }

    /** What the page is told when the form {@code sent} is refused. */
    private FormRefusal refusalOf(Class<?> form, MockHttpServletRequest sent) {
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();
        forms.submit(sent, flash, "done", () -> {
            forms.bind(form, sent, Map.of());
            return "/";
        });
        return (FormRefusal) flash.getFlashAttributes().get(FormRefusal.ATTRIBUTE);
    }

    /**
     * A field no page has is not named back to the page, where the name typed by hand would read as the programme's
     * words ("Votre_compte_est_suspendu_appelez_le_0800 : n'est pas un champ de ce formulaire", found by an outside
     * probe): the form is said not to be the page's.
     */
    @Test
    void aFieldNoPageHasIsNotNamedBack() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/x");
        sent.addParameter("form", "handOver");
        sent.addParameter("manufacturer", "Dell");
        sent.addParameter("Votre_compte_est_suspendu_appelez_le_0800", "1");

        FormRefusal refusal = refusalOf(HandOver.class, sent);

        assertThat(refusal.rule().getCodes()).containsExactly("form.malformed");
        assertThat(refusal.fields()).isEmpty();
        assertThat(refusal.values()).containsEntry("manufacturer", "Dell")
                .doesNotContainKey("Votre_compte_est_suspendu_appelez_le_0800");
    }

    /** A value the server gives may be of the record's own type: no medium's row filled is none found. */
    @Test
    void aComputedValueIsTakenAsItIs() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("storageMedia[0].serialNumber", "");
        sent.addParameter("storageRemoval.statedBy", "Olivier Lambert");

        assertThat(forms.bind(Reception.class, sent, Map.of("storageMedia", List.of())))
                .isEqualTo(new Reception(List.of(), new Statement("Olivier Lambert")));
    }

    /** A form naming something that does not exist is told what: the page has words for each kind. */
    @Test
    void aRefusalForSomethingUnknownSaysWhatItIs() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/x");
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();

        forms.submit(sent, flash, "done", () -> {
            throw new UnknownEntity(UnknownEntity.Kind.CEREMONY, "no ceremony 42");
        });

        assertThat(((FormRefusal) flash.getFlashAttributes().get(FormRefusal.ATTRIBUTE)).rule().getCodes())
                .containsExactly("rule.UNKNOWN.CEREMONY", "rule.UNKNOWN");
    }

    /** An aggregate that is not in the store is named by the address of the form that named it. */
    @Test
    void aRefusalForAnAggregateNotStoredSaysWhatTheFormsAddressNames() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST",
                "/actions/ceremonies/00000000-0000-0000-0000-000000000000/annulation");
        RedirectAttributesModelMap flash = new RedirectAttributesModelMap();

        forms.submit(sent, flash, "done", () -> {
            throw new AggregateNotFoundException("00000000-0000-0000-0000-000000000000", "not found");
        });

        assertThat(((FormRefusal) flash.getFlashAttributes().get(FormRefusal.ATTRIBUTE)).rule().getCodes())
                .containsExactly("rule.UNKNOWN.CEREMONY", "rule.UNKNOWN");
    }

    /** A day that is none leaves no record to validate: the other fields at fault are named with it, at once. */
    @Test
    void aRefusalNamesEveryFieldAtFaultAtOnce() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/ceremonies");
        sent.addParameter("date", "2026-13-01");
        sent.addParameter("reason", " ");
        sent.addParameter("place", "Salons de Blossac\u0000");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(Move.class, sent, Map.of()));

        assertThat(refused.fields().getFieldErrors()).extracting(error -> error.getField() + " " + error.getCode())
                .containsExactlyInAnyOrder("place AcceptableText", "reason NotBlank", "date typeMismatch");
    }

    /**
     * Found by an outside probe: a row's field not of its type left the other rows' fields unchecked, and the next
     * sending found them.
     */
    @Test
    void aRefusalNamesEveryRowsFieldAtFaultAtOnce() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("manufacturer", " ");
        sent.addParameter("parts[0].capacity", "-5");
        sent.addParameter("parts[0].label", "SSD");
        sent.addParameter("parts[1].capacity", "abc");
        sent.addParameter("parts[1].label", " ");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(Assembly.class, sent, Map.of()));

        assertThat(refused.fields().getFieldErrors()).extracting(error -> error.getField() + " " + error.getCode())
                .containsExactlyInAnyOrder("manufacturer NotBlank", "parts[0].capacity PositiveOrZero",
                        "parts[1].capacity typeMismatch");
    }

    /** Said in the form's order, as its fields were sent: a validator reports its refusals in no order at all. */
    @Test
    void aRefusalListsTheFieldsInTheFormsOrder() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/ceremonies");
        sent.addParameter("place", "Salle des f\u00EAtes de Poitiers");
        sent.addParameter("reason", " ");
        sent.addParameter("date", "2026-13-01");
        sent.addParameter("form", "move");

        assertThat(refusalOf(Move.class, sent).listed()).extracting(FormRefusal.Line::field)
                                                     .containsExactly("place", "reason", "date");
    }

    /**
     * A field too long for any text is refused for that alone, the others still named: its other rules ran on the
     * whole of it, and a delivery's reference of 3,000 characters overflowed the stack of its pattern (a 500).
     */
    @Test
    void aFieldRefusedForItsTextIsNotHeldToItsOtherRules() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/ceremonies");
        sent.addParameter("reason", " ");
        sent.addParameter("place", "B".repeat(3_000));

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(Place.class, sent, Map.of()));

        assertThat(refused.fields().getFieldErrors()).extracting(error -> error.getField() + " " + error.getCode())
                .containsExactlyInAnyOrder("place Size", "reason NotBlank");
    }

    /**
     * A group of fields whose own field is refused for its text is not also said to be missing: the page listed
     * "Nom : caractère non accepté ici" and "Personne à contacter : obligatoire" for one name.
     */
    @Test
    void aGroupWhoseFieldIsRefusedIsNotAlsoSaidMissing() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/orientations");
        sent.addParameter("form", "refer");
        sent.addParameter("personalData.name", "Awa\u0007");

        assertThat(refusalOf(Household.class, sent).fields()).containsKeys("personalData.name", "need")
                                                             .doesNotContainKey("personalData");
    }

    /** A rule about several fields is still said, beside the field refused for its text. */
    @Test
    void aFieldRefusedForItsTextLeavesTheRulesOfTheOthersSaid() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/sejours");
        sent.addParameter("place", "B".repeat(3_000));
        sent.addParameter("from", "2026-11-02");
        sent.addParameter("to", "2026-11-01");

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(Stay.class, sent, Map.of()));

        assertThat(refused.fields().getFieldErrors()).extracting(error -> error.getField() + " " + error.getCode())
                .containsExactlyInAnyOrder("place Size", "inOrder AssertTrue");
    }

    /** A day or a moment outside the programme's span is said so, not as a value of another type. */
    @Test
    void aDateOutsideTheSpanIsSaidSo() {
        for (String day : List.of("1999-12-31", "0001-01-01", "2100-01-01")) {
            MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/ceremonies");
            sent.addParameter("date", day);
            sent.addParameter("reason", "Salle prise");
            sent.addParameter("place", "Salons de Blossac");

            PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                    () -> forms.bind(Move.class, sent, Map.of()));

            assertThat(refused.fields().getFieldError("date").getCode()).as(day).isEqualTo("PlausibleTime");
            assertThat(refused.fields().getFieldError("date").getCodes()).as(day).contains("PlausibleTime.date");
        }
        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> bindMoment("1999-12-31T23:59"));
        assertThat(refused.fields().getFieldError("at").getCode()).isEqualTo("PlausibleTime");
    }

    /** Paris's clocks skip 02:00–03:00 on 29 March 2026: 02:30 was stored as 01:30Z, 03:30 in Paris, altered. */
    @Test
    void aLocalTimeTheClocksSkipIsRefusedAndOneTheyPassTwiceIsTakenTheFirstTime() {
        assertThat(bindMoment("2026-03-29T01:59")).isEqualTo(Instant.parse("2026-03-29T00:59:00Z"));
        assertThat(bindMoment("2026-03-29T03:00")).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(bindMoment("2026-10-25T02:30")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        for (String skipped : List.of("2026-03-29T02:00", "2026-03-29T02:30", "2026-03-29T02:59")) {
            PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                    () -> bindMoment(skipped));

            assertThat(refused.fields().getFieldError("at").getCode()).as(skipped).isEqualTo("typeMismatch");
        }
    }

    private Instant bindMoment(String local) {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/appareils");
        sent.addParameter("at", local);
        return forms.bind(Moment.class, sent, Map.of()).at();
    }

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
