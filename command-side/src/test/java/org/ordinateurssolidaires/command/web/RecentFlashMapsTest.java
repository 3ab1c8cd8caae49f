package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RecentFlashMapsTest {

    /** Forms sent one after the other, their redirections never followed: the session keeps the last ten. */
    @Test
    void keepsTheLastTenAnswersNotYetShown() {
        RecentFlashMaps flashMaps = new RecentFlashMaps();
        MockHttpSession session = new MockHttpSession();
        for (int form = 1; form <= 25; form++) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/actions/appareils");
            request.setSession(session);
            FlashMap answer = new FlashMap();
            answer.put("form", form);
            answer.setTargetRequestPath("/reception");
            flashMaps.saveOutputFlashMap(answer, request, new MockHttpServletResponse());
        }

        @SuppressWarnings("unchecked")
        List<FlashMap> kept = (List<FlashMap>) session.getAttribute(RecentFlashMaps.class.getSuperclass().getName()
                                                                    + ".FLASH_MAPS");
        assertThat(kept).extracting(answer -> answer.get("form"))
                        .containsExactlyElementsOf(IntStream.rangeClosed(16, 25).boxed().toList());
    }
}
