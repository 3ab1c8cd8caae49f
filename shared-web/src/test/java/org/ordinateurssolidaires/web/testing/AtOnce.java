package org.ordinateurssolidaires.web.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at the same moment, each from a thread of its own released together: races, double clicks. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Each request's answer, in the order given. */
    @SafeVarargs
    public static <T> List<T> all(Callable<T>... requests) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(requests.length);
        try {
            CyclicBarrier together = new CyclicBarrier(requests.length);
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> request : requests) {
                answers.add(senders.submit(() -> {
                    together.await();
                    return request.call();
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<T> answer : answers) {
                all.add(answer.get());
            }
            return all;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The same request sent {@code times} times at once. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> times(int times, Callable<T> request) throws Exception {
        Callable<T>[] requests = new Callable[times];
        Arrays.fill(requests, request);
        return all(requests);
    }
}
