package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A referral as a reader may see it (staff, or the partner that made it), and its people's data opened for that
 * reader: each opening recorded before the data is shown (no record, no data). The API and the pages alike.
 */
@Component
class ReferralFiles {

    private static final Logger log = LoggerFactory.getLogger(ReferralFiles.class);

    private final ReferralRecordRepository referrals;
    private final PersonalDataKeys keys;
    private final PersonalDataReads reads;

    ReferralFiles(ReferralRecordRepository referrals, PersonalDataKeys keys, PersonalDataReads reads) {
        this.referrals = referrals;
        this.keys = keys;
        this.reads = reads;
    }

    /** The referral, if the reader may see it; another partner's is not found, as one that does not exist. */
    ReferralRecord visible(UUID referralId, Caller reader) {
        return referrals.findById(referralId)
                        .filter(found -> reader.maySeePartner(found.getPartnerId()))
                        .orElseThrow(() -> new NotInTheReadModels("no referral " + referralId));
    }

    /** Its people's data, recorded as read by the reader; empty once forgotten. */
    Optional<PersonalData> open(ReferralRecord referral, Caller reader) {
        Optional<PersonalData> opened = referral.sealedPersonalData().flatMap(keys::open);
        opened.ifPresent(read -> {
            reads.record(referral.getReferralId(), reader);
            log.info("Personal data of referral {} read by {} ({})", referral.getReferralId(), reader.username(),
                    reader.actingRole().code());
        });
        return opened;
    }

    List<PersonalDataReads.PersonalDataRead> readsOf(ReferralRecord referral) {
        return reads.of(referral.getReferralId());
    }
}
