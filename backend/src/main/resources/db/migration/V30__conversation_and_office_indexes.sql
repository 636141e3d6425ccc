-- The conversation reads a ticket's messages of the outbox; only the pending ones were indexed.
create index notification_outbox_ticket_idx on notification_outbox (ticket_id, created_at);

-- An office searches the tickets ever assigned to one of its groups (TicketSearch, saved views).
create index ticket_event_office_idx on ticket_event (office, ticket_id) where office is not null;

-- User ids as long as in the other tables (an OIDC subject can be longer than 64 characters).
alter table canned_reply
    alter column owner type varchar(100),
    alter column created_by type varchar(100),
    alter column updated_by type varchar(100),
    alter column deleted_by type varchar(100);
