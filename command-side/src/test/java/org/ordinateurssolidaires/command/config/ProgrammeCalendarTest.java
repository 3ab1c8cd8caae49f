package org.ordinateurssolidaires.command.config;

import jakarta.validation.constraints.PastOrPresent;
import org.junit.jupiter.api.Test;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammeCalendarTest {

    /** Fourteen hours ahead of UTC: from ten o'clock UTC on, its today is the server's tomorrow. */
    private static final ZoneId FAR_AHEAD = ZoneId.of("Pacific/Kiritimati");

    record Statement(@PastOrPresent LocalDate statedOn) {
    }

    /** A statement made today, in the programme's day, is not in the future, whatever the server's day is. */
    @Test
    void validatesDaysInTheProgrammesDay() {
        LocalValidatorFactoryBean validation = new LocalValidatorFactoryBean();
        validation.setConfigurationInitializer(new ProgrammeCalendar(FAR_AHEAD)::customize);
        validation.afterPropertiesSet();

        assertThat(validation.getClockProvider().getClock().getZone()).isEqualTo(FAR_AHEAD);
        assertThat(validation.validate(new Statement(LocalDate.now(FAR_AHEAD)))).isEmpty();
        assertThat(validation.validate(new Statement(LocalDate.now(FAR_AHEAD).plusDays(1)))).hasSize(1);
        validation.close();
    }
}
