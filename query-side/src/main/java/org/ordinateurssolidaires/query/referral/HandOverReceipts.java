package org.ordinateurssolidaires.query.referral;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.documents.IssuedDocuments;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfHousehold;
import org.ordinateurssolidaires.query.inventory.InventoryQueries;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.web.PageDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The receipt a household signs when it receives its devices: which devices, that they are given free of charge,
 * and room for both signatures. It names the household by its code only (its people's data stays sealed), and is
 * sealed like every document the programme issues, so that a signed copy can be checked.
 */
@Component
class HandOverReceipts {

    static final String KIND = "hand-over-receipt";

    private static final Set<DeviceState> GIVEN = Set.of(DeviceState.ALLOCATED, DeviceState.HANDED_OVER);

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final QueryGateway queries;
    private final IssuedDocuments issued;
    private final MessageSource words;
    private final PageDates dates;
    private final ReadModelRebuilds rebuilds;
    private final String responsibleEntity;

    HandOverReceipts(ReferralRecordRepository referrals, PartnerRecordRepository partners, QueryGateway queries,
                     IssuedDocuments issued, MessageSource words, PageDates dates, ReadModelRebuilds rebuilds,
                     @Value("${ordinateurs.programme.responsible-entity}") String responsibleEntity) {
        this.rebuilds = rebuilds;
        this.referrals = referrals;
        this.partners = partners;
        this.queries = queries;
        this.issued = issued;
        this.words = words;
        this.dates = dates;
        this.responsibleEntity = responsibleEntity;
    }

    byte[] receipt(UUID referralId, Locale locale) {
        ReferralRecord referral = referrals.findById(referralId).orElseThrow(() -> new NotInTheReadModels(
                "no referral " + referralId));
        // sealed: drawn from read models being rebuilt, it would list part of the devices and verify as genuine
        List<DeviceView> devices = rebuilds.whole(() -> queries.query(new FindDevicesOfHousehold(referralId),
                ResponseTypes.multipleInstancesOf(DeviceView.class)).join().stream()
                .filter(device -> GIVEN.contains(device.state())).toList(), InventoryQueries.PROCESSING_GROUP,
                ReferralProjection.PROCESSING_GROUP);
        if (devices.isEmpty()) {
            throw new NotInTheReadModels("no device is allocated to referral " + referralId);
        }
        String partner = partners.findById(referral.getPartnerId()).map(PartnerRecord::getName).orElse("");
        // once every device is handed over, a copy printed afterwards says when
        Optional<Instant> handedOver = devices.stream().allMatch(device -> device.state() == DeviceState.HANDED_OVER)
                ? devices.stream().map(DeviceView::stateSince).max(Comparator.naturalOrder()) : Optional.empty();
        IssuedDocuments.Issue issue = issued.next(KIND, null);
        return issued.issue(issue, false, page -> page
                .title(say(locale, "receipt.title"))
                .text(responsibleEntity)
                .text(say(locale, "receipt.household", referral.getHouseholdCode(), partner,
                        say(locale, "criterion." + referral.getCriterion())) + handedOver.map(at -> " "
                        + say(locale, "receipt.handedOver", dates.dayAndTime(at))).orElse(""))
                .table(List.of(say(locale, "inventory.assetTag"), say(locale, "device.category"),
                                say(locale, "device.makeModel"), say(locale, "device.serial"),
                                say(locale, "device.grade")),
                        devices.stream().map(device -> List.of(device.assetTag(),
                                say(locale, "category." + device.category()),
                                device.manufacturer() + " " + device.model(),
                                Objects.toString(device.serialNumber(), ""),
                                device.grade() == null ? "" : device.grade().name())).toList(), 14, 16, 30, 24, 8)
                .text(say(locale, "receipt.freeOfCharge"))
                .text(say(locale, "receipt.erased"))
                .signatureBoxes(List.of(say(locale, "receipt.beneficiary"), say(locale, "receipt.programme")))
                .small(say(locale, "receipt.issued", issue.documentId(), dates.dayAndTime(issue.issuedAt()))));
    }

    private String say(Locale locale, String code, Object... arguments) {
        return words.getMessage(code, arguments, locale);
    }
}
