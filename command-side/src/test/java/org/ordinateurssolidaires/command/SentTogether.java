package org.ordinateurssolidaires.command;

import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Two requests sent at the same moment, for rules that two commands checking each other's work must not both pass. */
public final class SentTogether {

    private SentTogether() {
    }

    /** Whether each request was recorded (answered 2xx), in the order given. */
    public static List<Boolean> recorded(Callable<? extends ResponseEntity<?>> first,
                                         Callable<? extends ResponseEntity<?>> second) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<Boolean> one = both.submit(() -> {
                together.await();
                return first.call().getStatusCode().is2xxSuccessful();
            });
            Future<Boolean> other = both.submit(() -> {
                together.await();
                return second.call().getStatusCode().is2xxSuccessful();
            });
            return List.of(one.get(), other.get());
        } finally {
            both.shutdownNow();
        }
    }
}
