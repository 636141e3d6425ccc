-- Ticket search at volume (issue 19, benchmark at 2.5 M tickets).

-- Free text: a stored tsvector (Italian configuration, as ticket_text_idx had) instead of the GIN
-- index on the expression. With the expression index, every row a bitmap heap scan fetched had
-- to_tsvector computed again (rechecks, counts); the stored column is computed once per write.
-- Adding it rewrites the table once (the generated value of every existing row).
alter table ticket
    add column search_vector tsvector
        generated always as (to_tsvector('italian', subject || ' ' || description)) stored;
comment on column ticket.search_vector is 'Words of subject and description (Italian full text), for the ticket search';
drop index ticket_text_idx;
create index ticket_search_vector_idx on ticket using gin (search_vector);

-- The ticket page's in-app notifications of one ticket, newest first (InAppNotifications.latest).
create index app_notification_ticket_idx on app_notification (ticket_number, id desc);

-- The open tickets of a queue, by due date, and their count: with (status, queue) the count read
-- every closed ticket of the queue (720,000 index entries at 2.5 M tickets) to find the open ones.
create index ticket_open_queue_due_idx on ticket (queue, resolution_due_at, id) where status <> 'CLOSED';

-- The deadlines at risk (SlaRiskWatch, every few minutes): the open tickets of a policy within a
-- window of due dates. Without them each scan read the whole table three times (1.5–3.6 s each at
-- 2.5 M tickets on a loaded machine), beside the searches.
create index ticket_open_sla_take_in_charge_idx on ticket (sla_policy, take_in_charge_due_at) where closed_at is null;
create index ticket_open_sla_resolution_idx on ticket (sla_policy, resolution_due_at) where closed_at is null;

-- A queue's tickets of a status in a period (page and count): with (status, queue) and the
-- received date apart, a month of closed tickets of one queue was 20,000 heap pages to read.
create index ticket_queue_status_received_idx on ticket (queue, status, received_at);
