package org.ordinateurssolidaires.web.security;

import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EveryHeaderCheckedTest {

    private final EveryHeaderChecked firewall = new EveryHeaderChecked();

    @Test
    void refusesAControlCharacterInAHeaderTheAppNeverReads() {
        assertThatThrownBy(() -> firewall.getFirewalledRequest(withANote(DispatcherType.REQUEST)))
                .isInstanceOf(RequestRejectedException.class);
    }

    /** The error page of such a request is drawn: the refused header is left out of what it reads, the rest kept. */
    @Test
    void leavesARefusedHeaderOutOfTheErrorPagesRequest() {
        FirewalledRequest errorPage = firewall.getFirewalledRequest(withANote(DispatcherType.ERROR));

        assertThat(errorPage.getHeader("X-Note")).isNull();
        assertThat(Collections.list(errorPage.getHeaders("X-Note"))).isEmpty();
        assertThat(errorPage.getHeader("Accept")).isEqualTo("text/html");
        assertThat(Collections.list(errorPage.getHeaders("Accept"))).containsExactly("text/html");
    }

    private static MockHttpServletRequest withANote(DispatcherType dispatch) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setDispatcherType(dispatch);
        request.addHeader("Accept", "text/html");
        request.addHeader("X-Note", "cam\u0085ille");
        return request;
    }
}
