-- When each referral was accepted: a device is allocated to a household no earlier than that
-- (ReferralRule.ALLOCATION_AFTER_ACCEPTANCE). Filled for earlier histories by V24.
alter table referral_standing add column accepted_at timestamp with time zone;
