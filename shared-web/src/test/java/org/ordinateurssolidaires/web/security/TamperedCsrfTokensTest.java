package org.ordinateurssolidaires.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TamperedCsrfTokensTest {

    private final CsrfToken inTheSession = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "abcd");

    @Test
    void aTokenThatNoLongerUnmasksToTextIsNoToken() {
        // a mask of zeros over bytes that are no UTF-8: what an altered character can make of a masked token
        MockHttpServletRequest form = form(Base64.getUrlEncoder().encodeToString(
                new byte[]{0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));

        assertThatThrownBy(() -> new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(form, inTheSession))
                .as("Spring Security's own handler").isInstanceOf(IllegalArgumentException.class);
        assertThat(new TamperedCsrfTokens().resolveCsrfTokenValue(form, inTheSession)).isNull();
    }

    @Test
    void aTokenAsThePageMaskedItIsUnmasked() {
        MockHttpServletRequest page = new MockHttpServletRequest();
        TamperedCsrfTokens tokens = new TamperedCsrfTokens();
        tokens.handle(page, new MockHttpServletResponse(), () -> inTheSession);
        String masked = ((CsrfToken) page.getAttribute(CsrfToken.class.getName())).getToken();

        assertThat(tokens.resolveCsrfTokenValue(form(masked), inTheSession)).isEqualTo("abcd");
    }

    private static MockHttpServletRequest form(String token) {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/login");
        form.setParameter("_csrf", token);
        return form;
    }
}
