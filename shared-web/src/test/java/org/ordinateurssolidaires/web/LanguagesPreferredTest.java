package org.ordinateurssolidaires.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesPreferredTest {

    @Test
    void aLongListIsReadAsItsTenMostPreferredTheFirstFirst() {
        String twelve = "de;q=0.5,es;q=0.5,it;q=0.5,pt;q=0.5,nl;q=0.5,pl;q=0.5,sv;q=0.5,da;q=0.5,fi;q=0.5,nb;q=0.4,"
                        + "cs;q=0.3,en";

        assertThat(LanguagesPreferred.mostPreferred(twelve)).hasSize(10).first().isEqualTo(Locale.ENGLISH);
        assertThat(LanguagesPreferred.mostPreferred(twelve)).doesNotContain(Locale.forLanguageTag("cs"));
    }

    @Test
    void aListThatCannotBeReadIsNone() {
        assertThat(LanguagesPreferred.mostPreferred("en;q=x,,;;=")).isEmpty();
        assertThat(LanguagesPreferred.mostPreferred("*")).isEmpty();
    }
}
