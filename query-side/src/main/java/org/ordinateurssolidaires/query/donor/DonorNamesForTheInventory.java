package org.ordinateurssolidaires.query.donor;

import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDonorNames;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchEveryDonorName;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Names the donors the inventory's lists show beside their devices. */
@Component
class DonorNamesForTheInventory {

    private final DonorRecordRepository donors;
    private final NamedParameterJdbcTemplate jdbc;

    DonorNamesForTheInventory(DonorRecordRepository donors, NamedParameterJdbcTemplate jdbc) {
        this.donors = donors;
        this.jdbc = jdbc;
    }

    /**
     * Read with one plain statement: asked for every list page and every provenance, through JPA ({@code findAllById},
     * a criteria query translated again at each call, whole rows loaded into a session) it was a fifth to a third of
     * a provenance's work (docs/benchmarks.md).
     */
    @QueryHandler
    DonorNames handle(FetchDonorNames query) {
        Map<UUID, String> names = new HashMap<>();
        if (!query.donorIds().isEmpty()) {
            jdbc.query("select donor_id, legal_name from donor_record where donor_id in (:donors)",
                    Map.of("donors", query.donorIds()),
                    row -> {
                        names.put(row.getObject("donor_id", UUID.class), row.getString("legal_name"));
                    });
        }
        return new DonorNames(names);
    }

    /**
     * Every donor, for the lists staff choose from (the inventory's filter, a ceremony's invitations): two donors
     * of one name (two establishments of one company) are told apart by their SIRET, else by their contact.
     */
    @QueryHandler
    DonorNames handle(FetchEveryDonorName query) {
        List<DonorRecord> every = donors.findAll();
        Map<String, Long> namesakes = every.stream().collect(Collectors.groupingBy(DonorRecord::getLegalName,
                Collectors.counting()));
        return new DonorNames(every.stream().collect(Collectors.toMap(DonorRecord::getDonorId,
                donor -> namesakes.get(donor.getLegalName()) == 1 ? donor.getLegalName()
                        : donor.getLegalName() + " (" + (donor.getSiret() != null ? donor.getSiret()
                                                                                  : donor.getContactPerson()) + ")")));
    }
}
