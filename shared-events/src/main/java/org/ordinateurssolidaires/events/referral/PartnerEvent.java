package org.ordinateurssolidaires.events.referral;

/** Every fact about a partner organisation names it first. */
public interface PartnerEvent {

    PartnerId partnerId();
}
