package org.ordinateurssolidaires.command;

import org.ordinateurssolidaires.web.testing.AtOnce;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.concurrent.Callable;

/** Two requests sent at the same moment, for rules that two commands checking each other's work must not both pass. */
public final class SentTogether {

    private SentTogether() {
    }

    /** Whether each request was recorded (answered 2xx), in the order given. */
    public static List<Boolean> recorded(Callable<ResponseEntity<?>> first, Callable<ResponseEntity<?>> second)
            throws Exception {
        return AtOnce.all(first, second).stream().map(answer -> answer.getStatusCode().is2xxSuccessful()).toList();
    }
}
