package org.ordinateurssolidaires.command.donor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The set-based check behind {@link DonorRule#SIRET_REGISTERED_ONCE}: which donor holds each SIRET, kept by a
 * subscribing processor in the same transaction as the donor's events. The primary key settles a race between two
 * donors claiming one SIRET: the second waits for the first to commit, finds it claimed, and is refused under the
 * same rule. A correction's SIRET is one that changed (the aggregate leaves an unchanged one out of the event).
 */
@Component
@ProcessingGroup("siret-registry")
public class SiretRegistry {

    private final JdbcTemplate jdbc;

    SiretRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The donor registered with {@code siret}, if any. */
    public Optional<DonorId> holder(Siret siret) {
        return jdbc.query("select donor_id from donor_siret where siret = ?",
                (row, n) -> new DonorId(row.getObject(1, UUID.class)), siret.value()).stream().findFirst();
    }

    @EventHandler
    void on(DonorRegistered event) {
        if (event.siret() != null) {
            claim(event.donorId(), event.siret());
        }
    }

    @EventHandler
    void on(DonorDetailsCorrected event) {
        if (event.siret() != null) {
            jdbc.update("delete from donor_siret where donor_id = ?", event.donorId().value());
            claim(event.donorId(), event.siret());
        }
    }

    private void claim(DonorId donor, Siret siret) {
        int claimed = jdbc.update("insert into donor_siret (siret, donor_id) values (?, ?) on conflict do nothing",
                siret.value(), donor.value());
        if (claimed == 0) {
            throw new RuleViolation(DonorRule.SIRET_REGISTERED_ONCE,
                    "SIRET " + siret + " was registered for another donor a moment ago");
        }
    }
}
