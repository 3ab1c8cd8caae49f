package org.ordinateurssolidaires.web.limits;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One costly answer at a time per caller, two at once in all; the others are refused at once, never queued. */
class CostlyAnswersTest {

    private final CostlyAnswers limit = new CostlyAnswers(1, 2);

    static class Operations {

        @CostlyToAnswer
        void replay() {
        }

        void cheap() {
        }
    }

    @Test
    void eachCallerRunsOneAtATimeAndFewRunAtOnce() throws Exception {
        MockHttpServletRequest auditor = request("cabinet.audit");
        MockHttpServletRequest staff = request("camille");

        assertThat(limit.preHandle(auditor, new MockHttpServletResponse(), operation("replay"))).isTrue();
        assertRefused(request("cabinet.audit"), "already have");
        assertThat(limit.preHandle(staff, new MockHttpServletResponse(), operation("replay"))).isTrue();
        assertRefused(request("lou"), "as many such requests as it can");
        assertThat(limit.preHandle(request("lou"), new MockHttpServletResponse(), operation("cheap")))
                .as("other operations are not limited").isTrue();

        limit.afterCompletion(auditor, new MockHttpServletResponse(), operation("replay"), null);
        assertThat(limit.preHandle(request("lou"), new MockHttpServletResponse(), operation("replay"))).isTrue();
        assertRefused(request("cabinet.audit"), "as many such requests as it can");
        limit.afterCompletion(staff, new MockHttpServletResponse(), operation("replay"), null);
        assertThat(limit.preHandle(request("cabinet.audit"), new MockHttpServletResponse(), operation("replay")))
                .as("its first request is answered: it may send another").isTrue();
    }

    @Test
    void aRefusalByTheLimitInAllLeavesTheCallersOwnTurnFree() throws Exception {
        CostlyAnswers oneInAll = new CostlyAnswers(1, 1);
        MockHttpServletRequest first = request("camille");
        oneInAll.preHandle(first, new MockHttpServletResponse(), operation("replay"));
        assertThatThrownBy(() -> oneInAll.preHandle(request("lou"), new MockHttpServletResponse(),
                operation("replay"))).isInstanceOf(ErrorResponseException.class);

        oneInAll.afterCompletion(first, new MockHttpServletResponse(), operation("replay"), null);

        assertThat(oneInAll.preHandle(request("lou"), new MockHttpServletResponse(), operation("replay"))).isTrue();
    }

    /** Anonymous callers (a document's public verification) are told apart by their address, not all one. */
    @Test
    void anonymousCallersAreEachTheirOwnByTheirAddress() throws Exception {
        MockHttpServletRequest slowUpload = anonymous("203.0.113.7");
        assertThat(limit.preHandle(slowUpload, new MockHttpServletResponse(), operation("replay"))).isTrue();

        assertRefused(anonymous("203.0.113.7"), "already have");
        assertThat(limit.preHandle(anonymous("198.51.100.20"), new MockHttpServletResponse(), operation("replay")))
                .as("another address meanwhile").isTrue();
    }

    private static MockHttpServletRequest anonymous(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/documents/verification");
        request.setRemoteAddr(address);
        return request;
    }

    private void assertRefused(MockHttpServletRequest request, String why) {
        assertThatThrownBy(() -> limit.preHandle(request, new MockHttpServletResponse(), operation("replay")))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
                    assertThat(refused.getBody().getDetail()).contains(why);
                });
    }

    private static MockHttpServletRequest request(String caller) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit/verification");
        request.setUserPrincipal(() -> caller);
        return request;
    }

    private static HandlerMethod operation(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Operations(), Operations.class.getDeclaredMethod(name));
    }
}
