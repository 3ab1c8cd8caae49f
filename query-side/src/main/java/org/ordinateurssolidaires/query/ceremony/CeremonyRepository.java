package org.ordinateurssolidaires.query.ceremony;

import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

public interface CeremonyRepository extends JpaRepository<CeremonyRecord, UUID> {

    /** The processor that keeps the ceremonies, for a list drawn from them to be refused while it is rebuilt. */
    String PROCESSING_GROUP = CeremonyProjection.PROCESSING_GROUP;

    /** The ceremonies a donor was invited to, or whose ids are given (those its devices were handed over at). */
    @Query("select distinct c from CeremonyRecord c left join c.invitedDonors d"
            + " where d = :donor or c.ceremonyId in :ceremonies order by c.ceremonyDate")
    List<CeremonyRecord> findForDonor(UUID donor, Collection<UUID> ceremonies);

    List<CeremonyRecord> findByStatusOrderByCeremonyDateAscCeremonyIdAsc(CeremonyRecord.Status status);

    List<CeremonyRecord> findByStatusNotOrderByCeremonyDateDescCeremonyIdDesc(CeremonyRecord.Status status);

    List<CeremonyRecord> findByCeremonyDateBetweenAndStatusNotOrderByCeremonyDateDescPlaceAscCeremonyIdAsc(
            LocalDate from, LocalDate to, CeremonyRecord.Status status);

    /** The ceremonies a donor was invited to, whatever became of them, by date. */
    @Query("select c from CeremonyRecord c join c.invitedDonors d where d = :donor order by c.ceremonyDate, c.ceremonyId")
    List<CeremonyRecord> findInvitationsOf(UUID donor);
}
