-- Issue 26 item 4, ADR 0035: the inbox's requester filter reads the read model. It searched the requesters
-- of all tickets (2.5 M) and joined every open ticket (467 ms of PostgreSQL per call at 100,000 open tasks).
-- Each row now keeps what the filter matches of its ticket's requester: the name (a part of it, any case)
-- and the fiscal code, VAT number, e-mail and phone (whole). Null when the task's business key is not an
-- open ticket or its requester was merged into another contact (the filter's conditions until now).
--
-- Written with the row (worklist/process/inbox-rows.sql) and, when the ticket or the contact changes
-- while the task stays open, by the triggers below: a contact's details are edited or taken over in a
-- merge, a merge moves tickets to another contact (contact.ContactReferences moves every reference in
-- SQL), a ticket is closed, or its row is written after its task's (the same transaction, either order).

alter table inbox_task
    add column requester_name        varchar(255),
    add column requester_fiscal_code varchar(255),
    add column requester_vat_number  varchar(255),
    add column requester_email       varchar(255),
    add column requester_phone       varchar(255);
comment on column inbox_task.requester_name is 'The name of the requester of the open ticket this task is about (business key = ticket number), like requester_fiscal_code, requester_vat_number, requester_email and requester_phone: what the inbox''s requester filter matches (V66)';

-- the filter's five conditions, each behind an index (a bitmap OR of them, then the page's sort)
create index inbox_task_requester_name_idx on inbox_task using gin (lower(requester_name) gin_trgm_ops);
create index inbox_task_requester_fiscal_code_idx on inbox_task (upper(requester_fiscal_code))
    where requester_fiscal_code is not null;
create index inbox_task_requester_vat_number_idx on inbox_task (upper(requester_vat_number))
    where requester_vat_number is not null;
create index inbox_task_requester_email_idx on inbox_task (lower(requester_email))
    where requester_email is not null;
create index inbox_task_requester_phone_idx on inbox_task (requester_phone)
    where requester_phone is not null;

-- The rows of these tickets' tasks take their requester's details again (the join of inbox-rows.sql).
create function inbox_task_take_requester(numbers varchar[]) returns void
language sql as $$
    update sportello.inbox_task i
       set requester_name = r.name, requester_fiscal_code = r.fiscal_code,
           requester_vat_number = r.vat_number, requester_email = r.email, requester_phone = r.phone
      from (select k.number, c.name, c.fiscal_code, c.vat_number, c.email, c.phone
              from sportello.ticket k
              left join sportello.contact c
                on c.id = k.requester_id and c.merged_into_id is null and k.status <> 'CLOSED'
             where k.number = any(numbers)) r
     where i.business_key = r.number
       and (i.requester_name, i.requester_fiscal_code, i.requester_vat_number, i.requester_email,
            i.requester_phone)
           is distinct from (r.name, r.fiscal_code, r.vat_number, r.email, r.phone)
$$;

create function inbox_task_ticket_changed() returns trigger
language plpgsql as $$
begin
    perform sportello.inbox_task_take_requester(array[new.number]);
    return null;
end
$$;

create function inbox_task_contact_changed() returns trigger
language plpgsql as $$
begin
    perform sportello.inbox_task_take_requester(
        array(select k.number from sportello.ticket k where k.requester_id = new.id and k.status <> 'CLOSED'));
    return null;
end
$$;

-- a new open ticket (its task may have been written first), a ticket closed or moved to another requester
create trigger inbox_task_ticket_inserted after insert on ticket
    for each row when (new.status <> 'CLOSED')
    execute function inbox_task_ticket_changed();
create trigger inbox_task_ticket_updated after update of requester_id, status on ticket
    for each row when (old.requester_id is distinct from new.requester_id
                       or (old.status = 'CLOSED') is distinct from (new.status = 'CLOSED'))
    execute function inbox_task_ticket_changed();
-- a requester's details edited (by staff, by a merge, by an erasure) or the contact merged into another
create trigger inbox_task_contact_updated
    after update of name, fiscal_code, vat_number, email, phone, merged_into_id on contact
    for each row when ((old.name, old.fiscal_code, old.vat_number, old.email, old.phone, old.merged_into_id)
                       is distinct from
                       (new.name, new.fiscal_code, new.vat_number, new.email, new.phone, new.merged_into_id))
    execute function inbox_task_contact_changed();
