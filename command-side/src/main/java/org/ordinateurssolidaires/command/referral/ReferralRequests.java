package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.events.referral.PersonalData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.ordinateurssolidaires.command.web.MailAddress;
import org.ordinateurssolidaires.command.web.MultiLineText;
import org.ordinateurssolidaires.command.web.NotBlankWhenGiven;
import org.ordinateurssolidaires.command.web.NothingHidden;
import org.ordinateurssolidaires.command.web.OneScriptPerWord;
import org.ordinateurssolidaires.command.web.SealedWhenStored;
import org.ordinateurssolidaires.command.web.PhoneNumber;
import org.ordinateurssolidaires.command.web.ReportedOn;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The shapes of the partner and referral requests, checked at the edge (400 naming each bad field). Public for
 * the demo seeder, which sends the same shapes over HTTP.
 */
public final class ReferralRequests {

    private ReferralRequests() {
    }

    public record RegisterPartner(@NotBlank @Size(max = 200) @OneScriptPerWord @NothingHidden String name,
                                  @NotNull PartnerKind kind) {

        /** The command is named as this request is: hence its full name here. */
        org.ordinateurssolidaires.command.referral.RegisterPartner command(PartnerId partnerId) {
            return new org.ordinateurssolidaires.command.referral.RegisterPartner(partnerId, name, kind);
        }
    }

    /** A person at the partner, with professional contact details: at least one way to reach them. */
    public record Contact(@NotBlank @Size(max = 200) @NothingHidden String name,
                          @Size(max = 200) @NotBlankWhenGiven String role,
                          @MailAddress @Size(max = 200) @NotBlankWhenGiven String email,
                          @Size(max = 30) @NotBlankWhenGiven @PhoneNumber String phone) {

        @AssertTrue(message = "give an email or a phone")
        @ReportedOn("email")
        boolean isReachable() {
            return email != null || phone != null;
        }

        AddPartnerContact command(UUID partnerId, UUID contactId) {
            return new AddPartnerContact(new PartnerId(partnerId), contactId, name, role, email, phone);
        }
    }

    public record ContactAdded(UUID contactId) {
    }

    /** @param otherReferrals by id; empty when none shares an identifier, or once the referral is forgotten */
    public record SameHousehold(List<UUID> otherReferrals) {
    }

    public record Reason(@NotBlank @Size(max = 500) @MultiLineText String reason) {

        DeactivatePartner deactivation(UUID partnerId) {
            return new DeactivatePartner(new PartnerId(partnerId), reason);
        }
    }

    /** A name or address with a letter that only looks like another's would not be recognised as the household's. */
    public record Person(@NotBlank @Size(max = 200) @OneScriptPerWord @NothingHidden String name,
                  @Size(max = 30) @NotBlankWhenGiven @PhoneNumber String phone,
                  @MailAddress @Size(max = 200) @NotBlankWhenGiven String email,
                  @Size(max = 500) @NotBlankWhenGiven @MultiLineText @OneScriptPerWord @NothingHidden String address) {

        PersonalData inClear(String notes, String accessibilityNeeds) {
            return new PersonalData(name, phone, email, address, notes, accessibilityNeeds);
        }

        @Override
        public String toString() {
            return "Person[withheld]"; // never in a log
        }
    }

    /**
     * @param accessibilityNeeds           what the household needs to use the device: sealed with its personal
     *                                     data, never in clear
     * @param notes                        what the partner tells about the household: sealed with its personal
     *                                     data, never in clear
     * @param submittedAt                  when the household was referred, from staff (a paper referral made
     *                                     earlier); now when none is given. A partner's referral is dated when it
     *                                     arrives, whatever it says, since the waiting list is ordered by it
     * @param alreadyEquippedJustification staff's reason to equip again a household the programme already equipped
     */
    public record Submit(@NotNull EligibilityCriterion criterion,
                  @NotNull @Positive @Max(30) Integer householdSize,
                  @NotNull @PositiveOrZero @Max(30) Integer children,
                  @NotNull DeviceCategory need,
                  @Size(max = 500) @NotBlankWhenGiven @MultiLineText @SealedWhenStored String accessibilityNeeds,
                  @NotNull @Valid @SealedWhenStored Person personalData,
                  @Size(max = 2000) @NotBlankWhenGiven @MultiLineText @SealedWhenStored String notes,
                  @Size(max = 500) @NotBlankWhenGiven @MultiLineText String alreadyEquippedJustification,
                  @PastOrPresent Instant submittedAt) {

        /** The children are counted in the household's size: a household of two has at most two children. */
        @AssertTrue(message = "children are counted in householdSize: there cannot be more of them")
        @ReportedOn("children")
        boolean isChildrenWithinTheHousehold() {
            return householdSize == null || children == null || children <= householdSize;
        }

        /**
         * The first criterion is a family's with children: without one, the household would wait ahead of every
         * other in the line, under a criterion that is not its own.
         */
        @AssertTrue(message = "a family with children has at least one: give their number, or another criterion")
        @ReportedOn("criterion")
        boolean isAFamilyWithChildrenWithSome() {
            return criterion != EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER || children == null
                   || children > 0;
        }

        @Override
        public String toString() {
            return "Submit[" + criterion + ", " + need + ", personal data and notes withheld]"; // never in a log
        }
    }

    public record Decision(@NotNull @PastOrPresent Instant at) {

        AcceptReferral acceptance(ReferralId referral) {
            return new AcceptReferral(referral, at);
        }
    }

    /** A step staff or the partner explain: why, and when. */
    public record Explained(@NotBlank @Size(max = 500) @MultiLineText String reason, @NotNull @PastOrPresent Instant at) {

        RejectReferral rejection(ReferralId referral) {
            return new RejectReferral(referral, reason, at);
        }

        WithdrawReferral withdrawal(ReferralId referral) {
            return new WithdrawReferral(referral, reason, at);
        }
    }

    public record PartnerRegistered(UUID partnerId) {
    }

    public record Submitted(UUID referralId, String householdCode) {
    }
}
