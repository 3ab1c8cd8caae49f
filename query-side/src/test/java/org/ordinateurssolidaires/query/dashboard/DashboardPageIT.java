package org.ordinateurssolidaires.query.dashboard;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in the language its reader chose, all of it: words, and the months' names its figures carry. */
class DashboardPageIT extends QuerySideIntegrationTest {

    private static final ZoneId PROGRAMME = ZoneId.of("Europe/Paris");

    @Autowired
    TestRestTemplate http;

    /** Switching language with ?lang= from a reader whose cookie says French: the page the switch answers. */
    @Test
    void theLanguageAReaderSwitchesToIsTheWholePages() {
        String english = dashboard("?lang=en", "fr");
        assertThat(english).contains("Received this month", month(Locale.ENGLISH))
                           .doesNotContain("Reçus ce mois-ci", month(Locale.FRENCH));

        String french = dashboard("?lang=fr", "en");
        assertThat(french).contains("Reçus ce mois-ci", month(Locale.FRENCH))
                          .doesNotContain("Received this month", month(Locale.ENGLISH));

        assertThat(dashboard("", "en")).contains("Received this month", month(Locale.ENGLISH));
    }

    private String dashboard(String query, String cookieLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "langue=" + cookieLanguage);
        ResponseEntity<String> page = http.exchange("/tableau-de-bord" + query, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    /** This month as the table under the chart names it ({@code December 2026}, {@code décembre 2026}). */
    private static String month(Locale language) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", language).format(YearMonth.now(PROGRAMME));
    }
}
