-- Service levels and reports: the monthly SLA report reads the tickets received in a month on the
-- contract's channels, and each ticket's pause periods from its path.

create index ticket_channel_received_idx on ticket (channel, received_at, id);

create index ticket_event_sla_pause_idx on ticket_event (ticket_id, occurred_at, id)
    where kind in ('SLA_PAUSED', 'SLA_RESUMED', 'CLOSED_FOR_NO_REPLY');
comment on index ticket_event_sla_pause_idx is 'The periods a ticket waited for the requester, subtracted by the SLA report';
