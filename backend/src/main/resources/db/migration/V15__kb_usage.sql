-- Knowledge base usage: who read which article (operators by user id, citizens anonymously), what
-- was searched and how many articles answered, and whether an article helped. Append-only rows,
-- written beside the reads (a failed write never fails the read) and aggregated by the KB usage
-- report; each table is read by time, so each has its index on occurred_at.

create table kb_view (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    article_id  bigint not null references kb_article (id) on delete cascade,
    version     int not null,
    side        varchar(10) not null check (side in ('INTERNAL', 'PUBLIC')),
    user_id     varchar(100),
    check (side = 'INTERNAL' or user_id is null)
);
create index kb_view_occurred_idx on kb_view (occurred_at, article_id);
comment on table kb_view is 'An article read through the API: INTERNAL by an authenticated user (user_id), PUBLIC by a citizen in self-service (no personal data)';

create table kb_search (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    query       varchar(200) not null,
    language    varchar(5) not null,
    results     bigint not null,
    side        varchar(10) not null check (side in ('INTERNAL', 'PUBLIC')),
    user_id     varchar(100),
    check (side = 'INTERNAL' or user_id is null)
);
create index kb_search_occurred_idx on kb_search (occurred_at);
create index kb_search_empty_idx on kb_search (occurred_at, query) where results = 0;
comment on column kb_search.query is 'The text searched, lower-cased, spaces collapsed, cut to 200 characters; e-mail addresses, fiscal codes and long numbers replaced by placeholders';

create table kb_feedback (
    id          bigserial primary key,
    occurred_at timestamptz not null,
    article_id  bigint not null references kb_article (id) on delete cascade,
    version     int not null,
    side        varchar(10) not null check (side in ('INTERNAL', 'PUBLIC')),
    user_id     varchar(100),
    helpful     boolean not null,
    comment     varchar(1000),
    check (side = 'INTERNAL' or user_id is null)
);
create index kb_feedback_occurred_idx on kb_feedback (occurred_at, article_id);
create unique index kb_feedback_user_idx on kb_feedback (article_id, version, user_id) where user_id is not null;
comment on index kb_feedback_user_idx is 'One opinion per operator and article version: a second one replaces the first';
