package org.ordinateurssolidaires.query.inventory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DevicePageAddressesTest {

    private static final UUID DEVICE = UUID.fromString("6f1c2a7e-3b9d-4c1e-9a2f-0d8e7b6a5c41");

    /** Printed from a workstation: the request names the host it was sent to, as a browser or any caller likes. */
    private static void labelsAskedOf(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/etiquettes");
        request.setScheme("http");
        request.addHeader("Host", host);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void labelsCarryThePublicAddressWhateverTheRequestCameTo() {
        labelsAskedOf("attacker.example:8082");

        assertThat(new DevicePageAddresses("https://ordinateurs.poitiers.fr").of(DEVICE))
                .isEqualTo("https://ordinateurs.poitiers.fr/appareils/" + DEVICE);
        assertThat(new DevicePageAddresses(" https://www.poitiers.fr/solidaires/ ").of(DEVICE))
                .isEqualTo("https://www.poitiers.fr/solidaires/appareils/" + DEVICE);
    }

    @Test
    void withoutOneTheyCarryTheAddressTheRequestCameTo() {
        labelsAskedOf("atelier-poste-3.local:8082");

        assertThat(new DevicePageAddresses("").of(DEVICE))
                .isEqualTo("http://atelier-poste-3.local:8082/appareils/" + DEVICE);
    }

    @Test
    void refusesAtStartUpAnAddressAPhoneCouldNotOpen() {
        for (String wrong : new String[] {"ordinateurs.poitiers.fr", "ftp://ordinateurs.poitiers.fr",
                "https://ordinateurs.poitiers.fr/?page=1", "https://agent:secret@ordinateurs.poitiers.fr",
                "https://ordinateurs.poitiers.fr/#haut", "https://ordi nateurs.poitiers.fr", "javascript:alert(1)"}) {
            assertThatIllegalArgumentException().as(wrong).isThrownBy(() -> new DevicePageAddresses(wrong))
                                                .withMessageContaining("ordinateurs.web.public-address");
        }
    }
}
