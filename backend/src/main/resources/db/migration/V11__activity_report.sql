-- The activity report: tickets closed in a period, and the open ones (backlog, ageing; also the
-- supervisors' live queues), found without reading the closed history.

create index ticket_closed_idx on ticket (closed_at) where closed_at is not null;

create index ticket_open_received_idx on ticket (received_at) where status <> 'CLOSED';
comment on index ticket_open_received_idx is 'The open tickets: a small part of two years of history';
