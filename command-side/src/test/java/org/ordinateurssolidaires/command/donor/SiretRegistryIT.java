package org.ordinateurssolidaires.command.donor;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Two registrations of one SIRET, each past the aggregate's check before the other committed: the registry's key
 * settles it, under the rule, whichever order their claims reach the table in.
 */
class SiretRegistryIT extends CommandSideIntegrationTest {

    @Autowired
    SiretRegistry registry;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void refusesTheSecondOfTwoUncommittedClaimsOfOneSiret() throws Exception {
        Siret siret = new Siret(NewSirets.next());
        DonorRegistered first = registered(siret);
        DonorRegistered second = registered(siret);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        CompletableFuture<Void> firstTransaction = CompletableFuture.runAsync(() ->
                transaction.executeWithoutResult(status -> {
                    registry.on(first);
                    firstClaimed.countDown();
                    awaitQuietly(commitFirst);
                }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(registry.holder(siret)).as("not committed yet: the aggregate's check passes").isEmpty();
        CompletableFuture<Throwable> secondTransaction = CompletableFuture.supplyAsync(() ->
                catchThrowable(() -> transaction.executeWithoutResult(status -> registry.on(second))));
        commitFirst.countDown();
        firstTransaction.get(10, TimeUnit.SECONDS);

        assertThat(secondTransaction.get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.rule()).isEqualTo(DonorRule.SIRET_REGISTERED_ONCE));
        assertThat(registry.holder(siret)).contains(first.donorId());
    }

    private static DonorRegistered registered(Siret siret) {
        return new DonorRegistered(new DonorId(UUID.randomUUID()), "Mutuelle Atlantique", DonorKind.COMPANY, siret,
                "Claire Dubois", "claire@example.org");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
