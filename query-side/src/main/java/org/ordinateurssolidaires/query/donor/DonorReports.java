package org.ordinateurssolidaires.query.donor;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.query.audit.ErasureAudits;
import org.ordinateurssolidaires.query.ceremony.CeremonyRecord;
import org.ordinateurssolidaires.query.ceremony.CeremonyRepository;
import org.ordinateurssolidaires.query.donor.BatchRecord.Reconciliation;
import org.ordinateurssolidaires.query.donor.DonorReport.FetchDonorReport;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfDonor;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindHandOversOfDonor;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.HandOverView;
import org.ordinateurssolidaires.query.referral.HouseholdsEquipped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Puts a donor's report together from the donor, inventory and ceremony read models. */
@Component
@EnableConfigurationProperties(ImpactFactors.class)
class DonorReports {

    private final DonorRecordRepository donors;
    private final AgreementRecordRepository agreements;
    private final BatchRecordRepository batches;
    private final CeremonyRepository ceremonies;
    private final QueryGateway queries;
    private final ImpactFactors impactFactors;
    private final ErasureAudits audits;
    private final ZoneId zone;

    DonorReports(DonorRecordRepository donors, AgreementRecordRepository agreements,
                 BatchRecordRepository batches, CeremonyRepository ceremonies, QueryGateway queries,
                 ImpactFactors impactFactors, ErasureAudits audits,
                 @Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.donors = donors;
        this.agreements = agreements;
        this.batches = batches;
        this.ceremonies = ceremonies;
        this.queries = queries;
        this.impactFactors = impactFactors;
        this.audits = audits;
        this.zone = zone;
    }

    @QueryHandler
    Optional<DonorReport> handle(FetchDonorReport query) {
        Optional<DonorRecord> donor = donors.findById(query.donorId());
        List<AgreementRecord> signed = agreements.findByDonorIdOrderBySignedOn(query.donorId()).stream()
                .filter(agreement -> query.agreementId() == null || agreement.getAgreementId().equals(query.agreementId()))
                .toList();
        if (donor.isEmpty() || (query.agreementId() != null && signed.isEmpty())) {
            return Optional.empty();
        }
        List<DeviceView> devices = queries.query(new FindDevicesOfDonor(query.donorId()),
                ResponseTypes.multipleInstancesOf(DeviceView.class)).join().stream()
                .filter(device -> query.agreementId() == null || signed.get(0).inForceOn(dayOf(device)))
                .toList();
        return Optional.of(report(donor.get(), signed, devices));
    }

    private DonorReport report(DonorRecord donor, List<AgreementRecord> signed, List<DeviceView> devices) {
        List<DeviceView> handedOver = devices.stream().filter(in(DeviceState.HANDED_OVER)).toList();
        List<DonorReport.GivenDevice> given = devices.stream().map(DonorReport.GivenDevice::of).toList();
        return new DonorReport(
                DonorReport.Donor.of(donor),
                signed.stream().map(agreement -> agreement(agreement, devices)).toList(),
                batches(donor.getDonorId(), devices),
                given,
                DonorReport.Erasure.of(given),
                households(handedOver),
                ceremonies(donor.getDonorId(), devices),
                impact(handedOver),
                audits.currentHead());
    }

    /** Each referral is one household; a household given several devices is counted once. */
    private DonorReport.Households households(List<DeviceView> handedOver) {
        Set<UUID> referrals = handedOver.stream().map(DeviceView::referralId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<EligibilityCriterion, Long> byCriterion = new EnumMap<>(EligibilityCriterion.class);
        queries.query(new HouseholdsEquipped.CountByCriterion(referrals),
                        ResponseTypes.multipleInstancesOf(HouseholdsEquipped.class)).join()
               .forEach(count -> byCriterion.put(count.criterion(), count.households()));
        return new DonorReport.Households(referrals.size(), byCriterion);
    }

    private LocalDate dayOf(DeviceView device) {
        return device.receivedAt().atZone(zone).toLocalDate();
    }

    private DonorReport.Agreement agreement(AgreementRecord agreement, List<DeviceView> devices) {
        long received = devices.stream().map(this::dayOf).filter(agreement::inForceOn).count();
        return new DonorReport.Agreement(agreement.getAgreementId(), agreement.getModelAgreementVersion(),
                agreement.getSignatoryName(), agreement.getSignatoryRole(), agreement.getSignedOn(),
                agreement.getValidFrom(), agreement.getValidUntil(), agreement.getTerminatedOn(), received);
    }

    /** Devices grouped by delivery reference, with the batch's reconciliation where it was imported as one. */
    private List<DonorReport.Batch> batches(UUID donorId, List<DeviceView> devices) {
        Map<String, BatchRecord> imported = batches.findByDonorIdOrderByReceivedAt(donorId).stream()
                .collect(Collectors.toMap(BatchRecord::getReference, Function.identity()));
        Map<String, List<DeviceView>> byReference = devices.stream().collect(
                Collectors.groupingBy(DeviceView::donationBatchReference, LinkedHashMap::new, Collectors.toList()));
        return byReference.entrySet().stream().map(entry -> {
            Optional<BatchRecord> batch = Optional.ofNullable(imported.get(entry.getKey()));
            Map<DeviceState, Long> byState = new EnumMap<>(DeviceState.class);
            entry.getValue().forEach(device -> byState.merge(device.state(), 1L, Long::sum));
            boolean processed = entry.getValue().stream().allMatch(DonorReports::processed);
            return new DonorReport.Batch(entry.getKey(), batch.map(BatchRecord::getBatchId).orElse(null),
                    batch.map(BatchRecord::getReceivedAt).orElse(entry.getValue().get(0).receivedAt()),
                    entry.getValue().size(), byState,
                    batch.map(record -> reconciliation(record, processed)).orElse(null),
                    batch.map(BatchRecord::getReconciliationComment).orElse(null));
        }).toList();
    }

    /**
     * The batch's reconciliation as the donor may act on it: one awaiting the donor while some of its devices were
     * never processed is awaiting their processing (the command side refuses it until then:
     * RECONCILIATION_ONCE_PROCESSED), not the donor.
     */
    private static Reconciliation reconciliation(BatchRecord batch, boolean processed) {
        return batch.getReconciliation() == Reconciliation.AWAITING_DONOR && !processed
                ? Reconciliation.AWAITING_PROCESSING : batch.getReconciliation();
    }

    /**
     * Processed as the command side counts it (BatchProgress): refurbished or recycled once, both only with every
     * medium erased, whatever came after (a failed quality check, a return). A refurbishment always names the
     * operating system installed, and nothing takes it off the device's record.
     */
    private static boolean processed(DeviceView device) {
        return device.operatingSystem() != null || device.state() == DeviceState.RECYCLED;
    }

    /**
     * The ceremonies the donor was invited to and those its devices were handed over at, each with the devices
     * handed over there: a device given back since still counts for the ceremony it was handed over at.
     */
    private List<DonorReport.Ceremony> ceremonies(UUID donorId, List<DeviceView> devices) {
        Set<UUID> reported = devices.stream().map(DeviceView::deviceId).collect(Collectors.toSet());
        Map<UUID, Long> devicesAt = queries.query(new FindHandOversOfDonor(donorId),
                        ResponseTypes.multipleInstancesOf(HandOverView.class)).join().stream()
                .filter(handOver -> handOver.ceremonyId() != null && reported.contains(handOver.deviceId()))
                .map(handOver -> Map.entry(handOver.ceremonyId(), handOver.deviceId())).distinct()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
        Set<UUID> ceremonyIds = devicesAt.isEmpty() ? Set.of(donorId) : devicesAt.keySet(); // "in ()" is not SQL
        return ceremonies.findForDonor(donorId, ceremonyIds).stream()
                .map(ceremony -> ceremony(ceremony, donorId, devicesAt.getOrDefault(ceremony.getCeremonyId(), 0L)))
                .toList();
    }

    private static DonorReport.Ceremony ceremony(CeremonyRecord ceremony, UUID donorId, long devicesHandedOver) {
        return new DonorReport.Ceremony(ceremony.getCeremonyId(), ceremony.getCeremonyDate(), ceremony.getPlace(),
                ceremony.getStatus(), ceremony.getInvitedDonors().contains(donorId), devicesHandedOver,
                ceremony.getHouseholdsPresent(), ceremony.getDonorsPresent());
    }

    private DonorReport.Impact impact(List<DeviceView> handedOver) {
        double co2e = handedOver.stream().mapToDouble(d -> impactFactors.of(d.category()).manufacturingCo2eKg()).sum();
        double weight = handedOver.stream().mapToDouble(d -> impactFactors.of(d.category()).weightKg()).sum();
        Map<DeviceCategory, ImpactFactors.Factor> factors = new EnumMap<>(DeviceCategory.class);
        for (DeviceCategory category : DeviceCategory.values()) {
            factors.put(category, impactFactors.of(category));
        }
        return new DonorReport.Impact(handedOver.size(), co2e, weight, factors, impactFactors.source());
    }

    private static Predicate<DeviceView> in(DeviceState state) {
        return device -> device.state() == state;
    }
}
