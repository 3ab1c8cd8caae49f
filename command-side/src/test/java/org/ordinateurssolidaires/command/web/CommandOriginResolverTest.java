package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The headers copied into every event's metadata, checked by the app itself: Tomcat already refuses a C0 control
 * character in a header (OutsideTextIT), another server or a proxy might not.
 */
class CommandOriginResolverTest {

    private final CommandOriginResolver resolver = new CommandOriginResolver();

    @Test
    void refusesAControlCharacterOrAnOverLongValueInEachHeaderNamingIt() {
        for (String header : List.of(CommandOrigin.USER_HEADER, CommandOrigin.ROLE_HEADER,
                CommandOrigin.CORRELATION_HEADER, CommandOrigin.COMMAND_ID_HEADER)) {
            for (String value : List.of("cam\u0000ille", "cam\u0001ille", "cam\u001Bille", "u".repeat(4000))) {
                MockHttpServletRequest request = new MockHttpServletRequest();
                request.addHeader(CommandOrigin.USER_HEADER, "camille");
                request.removeHeader(header);
                request.addHeader(header, value);

                assertThatThrownBy(() -> resolve(request)).isInstanceOf(InvalidHeader.class)
                        .extracting(refused -> ((InvalidHeader) refused).header()).isEqualTo(header);
            }
        }
    }

    @Test
    void readsOrdinaryHeaders() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        UUID command = UUID.randomUUID();
        request.addHeader(CommandOrigin.USER_HEADER, " camille ");
        request.addHeader(CommandOrigin.CORRELATION_HEADER, "ticket-42");
        request.addHeader(CommandOrigin.COMMAND_ID_HEADER, command.toString());

        assertThat(resolve(request)).isEqualTo(new CommandOrigin("camille", "staff", command, "ticket-42"));
    }

    private CommandOrigin resolve(MockHttpServletRequest request) throws Exception {
        return resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
    }
}
