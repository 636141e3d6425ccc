-- Knowledge base: the classification tree (topic -> reason -> ...), articles with language variants,
-- audience, tags, links, every version with who/when/what, the article's path (events), and the
-- search outbox that keeps the search index in step with these tables (the source of truth).

create table kb_category (
    id          bigserial primary key,
    parent_id   bigint references kb_category (id),
    code        varchar(100) not null unique,
    name        varchar(300) not null,
    depth       int not null check (depth >= 1),
    position    int not null default 0
);
create index kb_category_parent_idx on kb_category (parent_id, position, id);
comment on table kb_category is 'Classification tree: depth 1 = topic (argomento), 2 = reason (causale), deeper levels allowed';

create table kb_article (
    id               bigserial primary key,
    category_id      bigint references kb_category (id),
    status           varchar(20) not null check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'WITHDRAWN', 'ARCHIVED')),
    audience         varchar(20) not null check (audience in ('PUBLIC', 'FRONT_OFFICE', 'BACK_OFFICE', 'ROLES')),
    roles            varchar(500) not null default '',
    tags             varchar(1000) not null default '',
    review_at        date,
    version          int not null default 1,
    created_by       varchar(100) not null,
    created_at       timestamptz not null,
    updated_by       varchar(100) not null,
    updated_at       timestamptz not null,
    published_at     timestamptz,
    source_ticket    varchar(30),
    external_key     varchar(100) unique
);
create index kb_article_status_idx on kb_article (status, updated_at);
create index kb_article_author_idx on kb_article (created_by, status);
comment on column kb_article.roles is 'Comma-separated groups that may read an article of audience ROLES';
comment on column kb_article.tags is 'Comma-separated tags';
comment on column kb_article.external_key is 'Key of the article in an imported workbook: a re-import updates instead of duplicating';

create table kb_article_variant (
    article_id  bigint not null references kb_article (id) on delete cascade,
    language    varchar(5) not null,
    title       varchar(300) not null,
    summary     varchar(1000) not null default '',
    body        text not null default '',
    primary key (article_id, language)
);

create table kb_article_link (
    id          bigserial primary key,
    article_id  bigint not null references kb_article (id) on delete cascade,
    kind        varchar(20) not null check (kind in ('WEB', 'OFFICE', 'ARTICLE')),
    target      varchar(1000) not null,
    label       varchar(300) not null default ''
);
create index kb_article_link_article_idx on kb_article_link (article_id, id);

create table kb_article_version (
    article_id  bigint not null references kb_article (id) on delete cascade,
    version     int not null,
    author      varchar(100) not null,
    created_at  timestamptz not null,
    change_note varchar(1000) not null default '',
    content     text not null,
    primary key (article_id, version)
);
comment on column kb_article_version.content is 'The whole article as readable text (fields and variants), the input of the diff between versions';

create table kb_article_event (
    id          bigserial primary key,
    article_id  bigint not null references kb_article (id) on delete cascade,
    occurred_at timestamptz not null,
    actor       varchar(100) not null,
    kind        varchar(40) not null,
    comment     text
);
create index kb_article_event_article_idx on kb_article_event (article_id, id);

create table kb_subscription (
    user_id     varchar(100) not null,
    category_id bigint not null references kb_category (id) on delete cascade,
    primary key (user_id, category_id)
);

create table search_outbox (
    id              bigserial primary key,
    document_kind   varchar(20) not null,
    document_id     bigint not null,
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    last_error      varchar(1000),
    created_at      timestamptz not null,
    unique (document_kind, document_id)
);
comment on table search_outbox is 'Documents whose search index entry must be rebuilt from the database; a row stays until the engine took it';
