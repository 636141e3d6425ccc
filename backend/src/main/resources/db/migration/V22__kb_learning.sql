-- Learning from the work: which article an operator used to answer which ticket (inserted in the
-- reply, linked, or marked "this answered it"), the ticket's words each such use taught the article
-- (without the requester's personal data; indexed as the article's learned query text), and, on the
-- usage log, whether a search came from a ticket and whether anything it found was opened or used
-- (a search that led nowhere is a gap of the knowledge base).

create table kb_ticket_use (
    id            bigserial primary key,
    occurred_at   timestamptz not null,
    article_id    bigint not null references kb_article (id) on delete cascade,
    ticket_number varchar(30) not null,
    kind          varchar(10) not null check (kind in ('INSERTED', 'LINKED', 'ANSWERED')),
    user_id       varchar(100) not null
);
create index kb_ticket_use_article_idx on kb_ticket_use (article_id, occurred_at);
create index kb_ticket_use_occurred_idx on kb_ticket_use (occurred_at);
comment on table kb_ticket_use is 'An article used by an operator to answer a ticket (append-only)';

create table kb_learned_query (
    article_id    bigint not null references kb_article (id) on delete cascade,
    ticket_number varchar(30) not null,
    text          varchar(600) not null,
    uses          int not null default 1,
    first_at      timestamptz not null,
    last_at       timestamptz not null,
    primary key (article_id, ticket_number)
);
create index kb_learned_query_recent_idx on kb_learned_query (article_id, last_at desc);
comment on table kb_learned_query is 'The words of a ticket solved with an article (subject and first message, personal data removed): extra query text indexed with the article (learned_text); at most 50 tickets per article, the oldest dropped';

alter table kb_search add column ticket_number varchar(30);
alter table kb_search add column followed boolean not null default false;
create index kb_search_gap_idx on kb_search (occurred_at, query) where not followed;
comment on column kb_search.ticket_number is 'The ticket the operator was working on when searching (suggestions and searches from the ticket page); null otherwise';
comment on column kb_search.followed is 'Whether a result of this search was opened or used: a search from a ticket or a citizen''s search never followed is a gap of the knowledge base';
