-- Calls turned away because the line was busy (CALL_REJECTED) count against the free-line
-- service level (SLA.C.1).
comment on column phone_call.outcome is 'ANSWERED, ABANDONED (hung up while queued), UNANSWERED (lost: ended without an answer), BUSY (turned away: no free line)';
