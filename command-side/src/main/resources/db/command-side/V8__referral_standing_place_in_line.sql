-- Each referral's place in line (criterion rank, then referral date) and how many devices are allocated to it
-- now, for the rule that a device goes to the next household in line unless staff record why another. Rows of
-- referrals submitted before this migration have no place and come after every other in line.
alter table referral_standing add column criterion_rank integer;
alter table referral_standing add column submitted_at timestamp with time zone;
alter table referral_standing add column devices_allocated integer not null default 0;
