package org.ordinateurssolidaires.query.ceremony;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A hand-over ceremony as it stands. Written only by {@link CeremonyProjection}. */
@Entity
@Table(name = "ceremony_record")
public class CeremonyRecord {

    public enum Status { PLANNED, CANCELLED, HELD }

    @Id
    private UUID ceremonyId;
    private LocalDate ceremonyDate;
    private String place;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Integer householdsPresent;
    private Integer donorsPresent;
    /** Where and when it was to take place before its last move, and why it moved; none if it never did. */
    private LocalDate movedFromDate;
    private String movedFromPlace;
    private String moveReason;
    private String cancellationReason;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ceremony_invitation", joinColumns = @JoinColumn(name = "ceremony_id"))
    @Column(name = "donor_id")
    private Set<UUID> invitedDonors = new HashSet<>();

    protected CeremonyRecord() {
        // for JPA
    }

    CeremonyRecord(CeremonyScheduled scheduled) {
        ceremonyId = scheduled.ceremonyId().value();
        ceremonyDate = scheduled.date();
        place = scheduled.place();
        status = Status.PLANNED;
    }

    void invited(List<UUID> donors) {
        invitedDonors.addAll(donors);
    }

    void rescheduled(LocalDate date, String newPlace, String reason) {
        movedFromDate = ceremonyDate;
        movedFromPlace = place;
        moveReason = reason;
        ceremonyDate = date;
        place = newPlace;
    }

    void cancelled(String reason) {
        status = Status.CANCELLED;
        cancellationReason = reason;
    }

    void held(int households, int donors) {
        status = Status.HELD;
        householdsPresent = households;
        donorsPresent = donors;
    }

    public UUID getCeremonyId() {
        return ceremonyId;
    }

    public LocalDate getCeremonyDate() {
        return ceremonyDate;
    }

    public String getPlace() {
        return place;
    }

    public Status getStatus() {
        return status;
    }

    public Integer getHouseholdsPresent() {
        return householdsPresent;
    }

    public Integer getDonorsPresent() {
        return donorsPresent;
    }

    public Set<UUID> getInvitedDonors() {
        return Set.copyOf(invitedDonors);
    }

    public LocalDate getMovedFromDate() {
        return movedFromDate;
    }

    public String getMovedFromPlace() {
        return movedFromPlace;
    }

    public String getMoveReason() {
        return moveReason;
    }

    public String getCancellationReason() {
        return cancellationReason;
    }
}
