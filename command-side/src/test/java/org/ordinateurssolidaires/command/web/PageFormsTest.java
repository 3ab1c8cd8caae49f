package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

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

    private final PageForms forms = new PageForms(null, validator(), ZoneId.of("Europe/Paris"));

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

    @Test
    void oneElementOfAListGivenTwiceIsRefusedToo() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/actions/remise");
        sent.addParameter("deviceIds[0]", UUID.randomUUID().toString(), UUID.randomUUID().toString());

        PageForms.FormRefused refused = catchThrowableOfType(PageForms.FormRefused.class,
                () -> forms.bind(HandOver.class, sent, Map.of()));

        assertThat(refused.fields().getFieldError("deviceIds[0]").getCode()).isEqualTo("Repeated");
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

    private static LocalValidatorFactoryBean validator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }
}
