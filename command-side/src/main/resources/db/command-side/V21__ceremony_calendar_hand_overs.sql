-- How many devices were handed over at each ceremony: one at which any was is neither cancelled nor moved to
-- another day (CeremonyRule.HAND_OVERS_KEEP_THEIR_CEREMONY). Filled for earlier histories by V22.
alter table ceremony_calendar add column hand_overs integer not null default 0;
