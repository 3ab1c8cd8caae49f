package org.ordinateurssolidaires.command.batch;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonationBatchConfirmed;
import org.ordinateurssolidaires.events.donor.DonationBatchDisputed;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.ordinateurssolidaires.command.rules.RuleAssertions.expectRuleBroken;

/** A donor's delivery and its reconciliation. */
class DonationBatchTest {

    private static final DonorId DONOR = new DonorId(UUID.fromString("00000000-0000-4000-8000-00000000d0d0"));
    private static final DonationBatchId BATCH = DonationBatchId.of(DONOR, "LIV-2026-014");
    private static final List<DeviceId> DEVICES = List.of(new DeviceId(UUID.randomUUID()), new DeviceId(UUID.randomUUID()));
    private static final Instant ARRIVED = Instant.parse("2026-03-02T09:00:00Z");
    private static final DonationBatchReceived RECEIVED =
            new DonationBatchReceived(BATCH, DONOR, "LIV-2026-014", ARRIVED, DEVICES);
    private static final DonationBatchDisputed DISPUTED =
            new DonationBatchDisputed(BATCH, "Claire Dubois", "we gave 3 laptops, 2 are listed");
    private static final DonationBatchConfirmed CONFIRMED =
            new DonationBatchConfirmed(BATCH, "Claire Dubois", "the third was found in the van");

    private FixtureConfiguration<DonationBatch> fixture;
    private BatchProgress progress;

    /** By default every device of the batch has been processed. */
    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DonationBatch.class);
        progress = mock(BatchProgress.class);
        fixture.registerInjectableResource(progress);
    }

    @Test
    void recordsADeliveryWithItsDevices() {
        fixture.givenNoPriorActivity()
               .when(new RecordDonationBatch(BATCH, DONOR, "LIV-2026-014", ARRIVED, DEVICES))
               .expectEvents(RECEIVED);
    }

    @Test
    void aDisputedBatchCanBeConfirmedOnceResolved() {
        fixture.given(RECEIVED)
               .when(new DisputeDonationBatch(BATCH, "Claire Dubois", "we gave 3 laptops, 2 are listed", DONOR))
               .expectEvents(DISPUTED);
        fixture.given(RECEIVED, DISPUTED)
               .when(new ConfirmDonationBatch(BATCH, "Claire Dubois", "the third was found in the van", null))
               .expectEvents(CONFIRMED);
    }

    @Test
    void isReconciledOnlyOnceEveryDeviceIsProcessed() {
        when(progress.devicesInProgress(BATCH)).thenReturn(1);
        expectRuleBroken(DonationBatchRule.RECONCILIATION_ONCE_PROCESSED,
                fixture.given(RECEIVED).when(new ConfirmDonationBatch(BATCH, "Claire Dubois", null, null)));
        expectRuleBroken(DonationBatchRule.RECONCILIATION_ONCE_PROCESSED,
                fixture.given(RECEIVED).when(new DisputeDonationBatch(BATCH, "Claire Dubois", "we gave 3", null)));
    }

    @Test
    void aConfirmedBatchIsSettled() {
        expectRuleBroken(DonationBatchRule.CONFIRMED_BATCH_IS_SETTLED,
                fixture.given(RECEIVED, CONFIRMED).when(new DisputeDonationBatch(BATCH, "Claire Dubois", "oops", null)));
        expectRuleBroken(DonationBatchRule.CONFIRMED_BATCH_IS_SETTLED,
                fixture.given(RECEIVED, CONFIRMED).when(new ConfirmDonationBatch(BATCH, "Claire Dubois", null, null)));
    }

    /** Staff record it for the donor; the donor's own account may too, for its own deliveries only. */
    @Test
    void aDonorReconcilesItsOwnDeliveriesOnly() {
        DonorId another = new DonorId(UUID.randomUUID());
        fixture.given(RECEIVED)
               .when(new ConfirmDonationBatch(BATCH, "Claire Dubois", "the third was found in the van", DONOR))
               .expectEvents(CONFIRMED);
        fixture.given(RECEIVED)
               .when(new ConfirmDonationBatch(BATCH, "Someone else", null, another))
               .expectException(UnknownEntity.class)
               .expectNoEvents();
        fixture.given(RECEIVED)
               .when(new DisputeDonationBatch(BATCH, "Someone else", "not ours", another))
               .expectException(UnknownEntity.class)
               .expectNoEvents();
    }
}
