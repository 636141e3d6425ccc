-- The audit trail (issue 25): who read or changed which personal data, logins, grants and
-- revocations, deployments and administrative actions on the engine. Append-only and hash-chained:
-- hash = SHA-256(prev_hash || '\n' || canonical row), seq without gaps (AuditLog writes seq = last + 1
-- under a transaction-scoped advisory lock), so an edited, removed or inserted row breaks the chain.

create table audit_event (
    seq             bigint        primary key,
    at              timestamptz   not null,
    actor           varchar(100)  not null,
    actor_roles     varchar(500)  not null default '',
    action          varchar(40)   not null,
    resource_type   varchar(40)   not null,
    resource_id     varchar(200),
    subject         varchar(100),
    outcome         varchar(20)   not null,
    reason          varchar(500),
    client_address  varchar(100),
    prev_hash       char(64)      not null,
    hash            char(64)      not null
);
create index audit_event_subject_idx on audit_event (subject, seq) where subject is not null;
create index audit_event_actor_idx on audit_event (actor, seq);
create index audit_event_at_idx on audit_event (at);
comment on table audit_event is 'Append-only, hash-chained audit trail: reads of personal data, changes, logins, grants, deployments, engine administration (see AuditLog)';

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the owner and superusers too, unless they
-- drop the trigger, which the nightly verification would then reveal through the broken chain).
create function audit_event_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_append_only();

-- The role to grant to the application's database user in production (the schema's owner runs the
-- migrations): it may read and append to the audit trail, never change it. Roles belong to the
-- whole cluster: created once; a migration user without CREATEROLE leaves it to the DBA (README).
do
$$
begin
    if not exists (select 1 from pg_roles where rolname = 'sportello_audit_writer') then
        create role sportello_audit_writer nologin;
    end if;
    execute format('grant usage on schema %I to sportello_audit_writer', current_schema());
    grant select, insert on audit_event to sportello_audit_writer;
    revoke update, delete, truncate on audit_event from sportello_audit_writer;
exception
    when insufficient_privilege then
        raise notice 'sportello_audit_writer not created (no CREATEROLE): create it as the README says';
end;
$$;
