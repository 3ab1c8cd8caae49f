-- A ceremony moved or cancelled was recorded with the reason staff gave, which no page and no read showed again. The
-- ceremony keeps its last move (the day and place it was moved from, and why) and why it was cancelled; the
-- ceremonies read model is rebuilt from the start, as V26 did the referrals', so that the ceremonies before have them.
alter table ceremony_record add column moved_from_date date;
alter table ceremony_record add column moved_from_place varchar;
alter table ceremony_record add column move_reason varchar;
alter table ceremony_record add column cancellation_reason varchar;

delete from ceremony_invitation;
delete from ceremony_record;
delete from tokenEntry where processorName = 'ceremonies';
delete from deadLetterEntry where processingGroup = 'ceremonies';
