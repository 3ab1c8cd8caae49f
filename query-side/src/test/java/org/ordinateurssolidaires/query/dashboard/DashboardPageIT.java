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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard a member of staff opens, and its figures alone as htmx asks for them every 15 s: the part the
 * browser swaps in, still saying how to refresh it, and nothing of the page around it.
 */
class DashboardPageIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void htmxsRefreshIsAnsweredTheFiguresAlone() {
        HttpHeaders htmx = new HttpHeaders();
        htmx.set("HX-Request", "true");

        ResponseEntity<String> figures = http.exchange("/tableau-de-bord", HttpMethod.GET, new HttpEntity<>(htmx),
                String.class);
        ResponseEntity<String> page = http.getForEntity("/tableau-de-bord", String.class);

        assertThat(figures.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(figures.getBody()).startsWith("<div id=\"chiffres\"")
                .contains("hx-get=\"/tableau-de-bord\"", "hx-trigger=\"every 15000ms\"", "hx-select=\"#chiffres\"",
                        "Reçus ce mois-ci", "Où en sont les appareils", "Appareils reçus et remis, mois par mois")
                .doesNotContain("<html", "<main", "<nav", "Tableau de bord</h1>");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<html", "<main", "Tableau de bord</h1>", "<div id=\"chiffres\"",
                "Reçus ce mois-ci");
        // a browser's cache keeps the page and its part apart
        assertThat(figures.getHeaders().getVary()).contains("HX-Request");
        assertThat(page.getHeaders().getVary()).contains("HX-Request");
    }

    /** Only htmx's own value asks for the part: any other is a browser's request, answered the page. */
    @Test
    void anyOtherValueOfTheHeaderIsAnsweredThePage() {
        HttpHeaders other = new HttpHeaders();
        other.set("HX-Request", "yes");

        ResponseEntity<String> page = http.exchange("/tableau-de-bord", HttpMethod.GET, new HttpEntity<>(other),
                String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<html", "Tableau de bord</h1>");
    }
}
