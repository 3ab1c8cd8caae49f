package org.ordinateurssolidaires.query.donor;

import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchEveryDonorName;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/** Names the donors the inventory's lists show beside their devices. */
@Component
class DonorNamesForTheInventory {

    private final DonorRecordRepository donors;

    DonorNamesForTheInventory(DonorRecordRepository donors) {
        this.donors = donors;
    }

    @QueryHandler
    DonorNames handle(FetchDonorNames query) {
        return new DonorNames(donors.findAllById(query.donorIds()).stream()
                                    .collect(Collectors.toMap(DonorRecord::getDonorId, DonorRecord::getLegalName)));
    }

    @QueryHandler
    DonorNames handle(FetchEveryDonorName query) {
        return new DonorNames(donors.findAll().stream()
                                    .collect(Collectors.toMap(DonorRecord::getDonorId, DonorRecord::getLegalName)));
    }
}
