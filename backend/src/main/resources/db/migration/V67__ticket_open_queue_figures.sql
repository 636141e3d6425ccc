-- Issue 26 item 4: the supervisors' overview counts each queue's open tickets (waiting, in progress, the
-- oldest waiting, at risk, breached: ticket.application.QueueStatistics) in one pass. This index holds
-- every column that pass reads, for the open tickets only, so that it reads the index (an index-only
-- scan where the visibility map allows) instead of the open tickets' rows among 2.5 M closed ones.
create index ticket_open_queue_figures_idx on ticket (queue)
    include (taken_in_charge_at, received_at, take_in_charge_due_at, sla_paused_at, resolution_due_at,
             sla_policy)
    where status <> 'CLOSED';
