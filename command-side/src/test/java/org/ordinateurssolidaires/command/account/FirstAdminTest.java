package org.ordinateurssolidaires.command.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The operator's password for the first admin is held to what an admin's request for an account is. */
class FirstAdminTest {

    private final Accounts accounts = mock(Accounts.class);

    @Test
    void refusesToStartWithAFirstAdminsPasswordEasyToGuess() {
        when(accounts.all()).thenReturn(List.of());

        for (String guessable : List.of("password1234", "adminadminadmin")) {
            assertThatThrownBy(() -> new FirstAdmin(accounts, guessable, "").run(null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is too easy to guess");
        }
        verify(accounts, never()).openUnlessTaken(any(), any(), any(), eq("admin"));
    }
}
