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
