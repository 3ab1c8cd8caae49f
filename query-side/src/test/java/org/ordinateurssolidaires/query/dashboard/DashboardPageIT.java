package org.ordinateurssolidaires.query.dashboard;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.SampleDevices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard in the language its reader chose, all of it: words, and the months' names its figures carry. */
class DashboardPageIT extends QuerySideIntegrationTest {

    private static final ZoneId PROGRAMME = ZoneId.of("Europe/Paris");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

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

    /** The figures are kept between two readers only while the read models stay as they were. */
    @Test
    void aDeviceReceivedIsCountedAtTheNextRefresh() {
        dashboard("", "fr"); // its figures now kept

        DeviceId device = SampleDevices.newDevice();
        events.append(SampleDevices.received(device, "TB-" + device.value().toString().substring(0, 8),
                new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, SampleDevices.disk("TB")));
        // the inventory may first have to park what other tests of this database left it unable to apply
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from inventory_device where device_id = ?", Long.class, device.value())).isOne());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(awaitingErasure(dashboard("", "fr")))
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from inventory_device where state = 'AWAITING_SANITISATION'", Long.class)));
    }

    /** The figure of the tile that links to the devices awaiting their erasure. */
    private static long awaitingErasure(String page) {
        Matcher tile = Pattern.compile("state=AWAITING_SANITISATION\"[^>]*>\\s*<span class=\"chiffre\">([^<]+)</span>")
                              .matcher(page);
        assertThat(tile.find()).as("the awaiting-erasure tile").isTrue();
        return Long.parseLong(tile.group(1).replaceAll("\\D", "")); // grouped by a space of some kind
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
