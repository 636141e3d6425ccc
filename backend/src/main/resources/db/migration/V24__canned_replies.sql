-- Canned replies ("risposte pronte", Zendesk's macros, Zammad's text modules): a title and a body
-- per language (Italian required; English, German and French optional, falling back to Italian),
-- with placeholders such as {{richiedente.nome}} filled in for a ticket when inserted. A reply is
-- personal (owner = the user id) or shared (owner null), optionally scoped to one queue. Deleting
-- keeps the row (deleted_at/deleted_by); edits are guarded by the version (optimistic locking).
create table canned_reply (
    id          bigserial    primary key,
    code        varchar(60)  unique,
    owner       varchar(64),
    title       varchar(120) not null,
    body_it     varchar(4000) not null,
    body_en     varchar(4000),
    body_de     varchar(4000),
    body_fr     varchar(4000),
    queue       varchar(50)  references queue (code),
    version     bigint       not null default 0,
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    deleted_by  varchar(64),
    deleted_at  timestamptz
);
comment on table canned_reply is 'Canned replies: personal (owner) or shared (owner null), body per language with placeholders';
comment on column canned_reply.code is 'Stable key of replies loaded by a script (the demo''s); null for those written in the application';
create index canned_reply_owner_idx on canned_reply (owner) where deleted_at is null;
