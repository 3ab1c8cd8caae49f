package org.ordinateurssolidaires.command.donor;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.AgreementTerminated;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A donor and the agreements it signed. Which agreement is in force on a given day is answered for the other
 * aggregates by {@link DonorAgreements}.
 */
@Aggregate(filterEventsByType = true)
public class Donor {

    @AggregateIdentifier
    private DonorId donorId;
    /** Its establishment's SIRET, null for a donor without one. */
    private Siret siret;
    /** Its details as recorded, to tell a correction from the same details sent again. */
    private String legalName;
    private String contactPerson;
    private String contactEmail;
    /** Signed agreements. */
    private final Map<AgreementId, AgreementValidity> agreements = new HashMap<>();

    protected Donor() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Donor(RegisterDonor command, SiretRegistry sirets) {
        if (command.siret() != null) {
            requireUnregistered(command.siret(), sirets);
        }
        apply(new DonorRegistered(command.donorId(), command.legalName(), command.kind(), command.siret(),
                command.contactPerson(), command.contactEmail()));
    }

    /**
     * A SIRET sent again unchanged (a client may send every field as it stands) is no correction of it, and is left
     * out of the event: the registry then claims only a SIRET that changed, and a donor registered with another's
     * SIRET before that was refused can still have its other details corrected.
     */
    @CommandHandler
    void handle(CorrectDonorDetails command, SiretRegistry sirets) {
        Siret corrected = command.siret() == null || command.siret().equals(siret) ? null : command.siret();
        if (corrected == null && sameOrNotGiven(command.legalName(), legalName)
            && sameOrNotGiven(command.contactPerson(), contactPerson)
            && sameOrNotGiven(command.contactEmail(), contactEmail)) {
            throw new RuleViolation(DonorRule.CORRECTION_CHANGES_SOMETHING, "donor " + donorId
                    + ": every detail given is the one recorded");
        }
        if (corrected != null) {
            requireUnregistered(corrected, sirets);
        }
        apply(new DonorDetailsCorrected(donorId, command.legalName(), corrected, command.contactPerson(),
                command.contactEmail(), command.reason()));
    }

    private static boolean sameOrNotGiven(String given, String recorded) {
        return given == null || given.equals(recorded);
    }

    private static void requireUnregistered(Siret candidate, SiretRegistry sirets) {
        sirets.holder(candidate).ifPresent(holder -> {
            throw new RuleViolation(DonorRule.SIRET_REGISTERED_ONCE,
                    "SIRET " + candidate + " is already registered, for donor " + holder);
        });
    }

    @CommandHandler
    void handle(SignAgreement command) {
        if (agreements.containsKey(command.agreementId())) {
            throw new RuleViolation(DonorRule.AGREEMENT_RECORDED_ONCE,
                    "agreement " + command.agreementId() + " is already recorded");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw new RuleViolation(DonorRule.VALIDITY_PERIOD_IN_ORDER,
                    "valid from " + command.validFrom() + " until " + command.validUntil());
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.signedOn())) {
            throw new RuleViolation(DonorRule.SIGNED_BEFORE_IT_ENDS,
                    "signed on " + command.signedOn() + ", valid until " + command.validUntil());
        }
        if (!command.commitments().allMade()) {
            throw new RuleViolation(DonorRule.MODEL_AGREEMENT_COMMITMENTS,
                    "commitments not made: " + String.join(", ", notMade(command.commitments())));
        }
        apply(new AgreementSigned(donorId, command.agreementId(), command.modelAgreementVersion(),
                command.signatoryName(), command.signatoryRole(), command.signedOn(), command.validFrom(),
                command.validUntil(), command.commitments()));
    }

    /**
     * Terminated on a day of its validity, and not before a device it alone covered was received: those devices were
     * given under it, and the donor's report and the receptions' rule would say otherwise. A termination decided
     * late takes effect the day after the last of them.
     */
    @CommandHandler
    void handle(TerminateAgreement command, DonorAgreements receptions) {
        AgreementValidity agreement = agreements.get(command.agreementId());
        if (agreement == null) {
            throw new UnknownEntity(UnknownEntity.Kind.AGREEMENT, "donor " + donorId + " has no agreement " + command.agreementId());
        }
        if (agreement.terminated()) {
            throw new RuleViolation(DonorRule.AGREEMENT_TERMINATED_ONCE,
                    "agreement " + command.agreementId() + " is already terminated");
        }
        if (!agreement.signedFor(command.terminatedOn())) {
            throw new RuleViolation(DonorRule.TERMINATION_WITHIN_VALIDITY, "agreement " + command.agreementId()
                    + " is " + agreement + ", not on " + command.terminatedOn());
        }
        List<DonorAgreements.Reception> coveredAfter = receptions.receivedUnderItAlone(donorId, command.agreementId(),
                command.terminatedOn());
        if (!coveredAfter.isEmpty()) {
            DonorAgreements.Reception last = coveredAfter.get(coveredAfter.size() - 1);
            throw new RuleViolation(DonorRule.TERMINATION_AFTER_ITS_RECEPTIONS, coveredAfter.size() + " device(s) "
                    + "were received under agreement " + command.agreementId() + " alone after "
                    + command.terminatedOn() + ", the last, " + last.deviceId() + ", on " + last.receivedOn()
                    + ": terminate it on " + last.receivedOn() + " or later");
        }
        apply(new AgreementTerminated(donorId, command.agreementId(), command.terminatedOn(), command.reason()));
    }

    @EventSourcingHandler
    void on(DonorRegistered event) {
        donorId = event.donorId();
        siret = event.siret();
        legalName = event.legalName();
        contactPerson = event.contactPerson();
        contactEmail = event.contactEmail();
    }

    @EventSourcingHandler
    void on(DonorDetailsCorrected event) {
        if (event.siret() != null) {
            siret = event.siret();
        }
        legalName = event.legalName() == null ? legalName : event.legalName();
        contactPerson = event.contactPerson() == null ? contactPerson : event.contactPerson();
        contactEmail = event.contactEmail() == null ? contactEmail : event.contactEmail();
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        agreements.put(event.agreementId(), AgreementValidity.signed(event.validFrom(), event.validUntil()));
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        agreements.computeIfPresent(event.agreementId(), (id, signed) -> signed.terminated(event.terminatedOn()));
    }

    /** The request's names of the commitments left unmade, as the caller sent them. */
    private static List<String> notMade(AgreementCommitments commitments) {
        Map<String, Boolean> made = new LinkedHashMap<>();
        made.put("freeForBeneficiary", commitments.freeForBeneficiary());
        made.put("equipmentTraceability", commitments.equipmentTraceability());
        made.put("dataErasure", commitments.dataErasure());
        made.put("handOverCeremony", commitments.handOverCeremony());
        return made.entrySet().stream().filter(commitment -> !commitment.getValue()).map(Map.Entry::getKey).toList();
    }
}
