package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.web.VersionChecked;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.web.security.Role;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who sends a command is the signed-in caller, in the role it acts in; the headers copied into every event's
 * metadata are checked by the app itself: Tomcat already refuses a C0 control character in a header
 * (OutsideTextIT), another server or a proxy might not.
 */
class CommandOriginResolverTest {

    private final CommandOriginResolver resolver = new CommandOriginResolver();

    @BeforeEach
    void signIn() {
        Caller camille = new Caller("camille", Set.of(Role.ADMIN, Role.STAFF), null, null);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken((Caller.SignedIn) () -> camille, null));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesAControlCharacterOrAnOverLongValueInEachHeaderNamingIt() {
        for (String header : List.of(CommandOrigin.CORRELATION_HEADER, CommandOrigin.COMMAND_ID_HEADER)) {
            for (String value : List.of("cam\u0000ille", "cam\u0001ille", "cam\u001Bille", "u".repeat(4000))) {
                MockHttpServletRequest request = new MockHttpServletRequest();
                request.addHeader(header, value);

                assertThatThrownBy(() -> resolve(request)).isInstanceOf(InvalidHeader.class)
                        .extracting(refused -> ((InvalidHeader) refused).header()).isEqualTo(header);
            }
        }
    }

    @Test
    void takesTheSenderFromTheSignedInCallerAndTheConversationFromTheHeaders() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        UUID command = UUID.randomUUID();
        request.addHeader("X-User-Id", "someone-else");
        request.addHeader("X-User-Role", "auditor");
        request.addHeader(CommandOrigin.CORRELATION_HEADER, "ticket-42");
        request.addHeader(CommandOrigin.COMMAND_ID_HEADER, command.toString());

        assertThat(resolve(request)).isEqualTo(new CommandOrigin("camille", "staff", command, "ticket-42", null));
    }

    /** A page's form has no headers of its own: its command id is a field, drawn with the form. */
    @Test
    void takesAPagesFormsCommandIdFromItsFieldAndAHeaderBeforeIt() throws Exception {
        UUID drawn = UUID.randomUUID();
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/actions/partenaires");
        form.addParameter("commandId", drawn.toString());
        MockHttpServletRequest api = new MockHttpServletRequest("POST", "/api/partners");
        api.addParameter("commandId", drawn.toString());
        MockHttpServletRequest both = new MockHttpServletRequest("POST", "/actions/partenaires");
        both.addParameter("commandId", drawn.toString());
        UUID header = UUID.randomUUID();
        both.addHeader(CommandOrigin.COMMAND_ID_HEADER, header.toString());
        MockHttpServletRequest tampered = new MockHttpServletRequest("POST", "/actions/partenaires");
        tampered.addParameter("commandId", "42");

        assertThat(resolve(form).commandId()).isEqualTo(drawn);
        assertThat(resolve(api).commandId()).as("the API's commands take it from the header only").isNull();
        assertThat(resolve(both).commandId()).isEqualTo(header);
        assertThatThrownBy(() -> resolve(tampered)).isInstanceOf(InvalidHeader.class)
                .extracting(refused -> ((InvalidHeader) refused).header()).isEqualTo("commandId");
    }

    /** The version named in If-Match is read only by a step on one thing with a history of its own. */
    @Test
    void takesTheVersionOfIfMatchForAStepOnADeviceAlone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/devices/d/corrections");
        request.addHeader(HttpHeaders.IF_MATCH, "\"12\"");

        assertThat(resolve(request, "aDevicesStep").drawnVersion()).isEqualTo(12L);
        assertThat(resolve(request).drawnVersion()).as("checked by ChangesCheckedFirst there").isNull();
    }

    @VersionChecked
    void aDevicesStep(CommandOrigin origin) {
    }

    void anotherChange(CommandOrigin origin) {
    }

    private CommandOrigin resolve(MockHttpServletRequest request) throws Exception {
        return resolve(request, "anotherChange");
    }

    private CommandOrigin resolve(MockHttpServletRequest request, String operation) throws Exception {
        MethodParameter origin = new MethodParameter(getClass().getDeclaredMethod(operation, CommandOrigin.class), 0);
        return resolver.resolveArgument(origin, null, new ServletWebRequest(request), null);
    }
}
