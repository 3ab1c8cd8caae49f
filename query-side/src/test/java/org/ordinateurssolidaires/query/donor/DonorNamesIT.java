package org.ordinateurssolidaires.query.donor;

import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A list of devices, or a device's provenance, names each donor beside its id: a page's donors at once. */
class DonorNamesIT extends QuerySideIntegrationTest {

    @Autowired
    QueryGateway queries;

    @Test
    void namesEveryKnownDonorAskedForAndNoOther() {
        var bank = new DonorId(UUID.randomUUID());
        var mutual = new DonorId(UUID.randomUUID());
        UUID notADonor = UUID.randomUUID();
        events.append(new DonorRegistered(bank, "Banque Régionale du Centre-Ouest", DonorKind.COMPANY, null,
                        "Claire Dubois", "claire@example.org"),
                new DonorRegistered(mutual, "Mutuelle Atlantique", DonorKind.COMPANY, null, "Anne Roy",
                        "a.roy@example.org"));
        Set<UUID> asked = Set.of(bank.value(), mutual.value(), notADonor);

        Map<UUID, String> names = await().atMost(Duration.ofSeconds(20)).until(
                () -> queries.query(new FetchDonorNames(asked), DonorNames.class).join().byDonor(),
                answer -> answer.size() >= 2);

        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(
                bank.value(), "Banque Régionale du Centre-Ouest",
                mutual.value(), "Mutuelle Atlantique"));
        assertThat(queries.query(new FetchDonorNames(Set.of()), DonorNames.class).join().byDonor())
                .as("no donor asked for, none named").isEmpty();
    }
}
