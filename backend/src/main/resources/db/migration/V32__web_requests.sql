-- Citizens' web requests (issue 20, item 1). The ticket itself is an ordinary ticket on channel WEB,
-- its context (page, error code, service, language, browser, operating system) in ticket.context.
-- Here: the private tracking token of each web request (only its SHA-256 is kept), the form
-- challenges already used (each signed challenge opens one request at most, on any node), and the
-- contacts deflected by a public article ("this solved my problem"), counted in the KB usage report.

create table web_request (
    ticket_id       bigint primary key references ticket (id) on delete cascade,
    token_hash      bytea not null unique,
    answer_channel  varchar(20) not null check (answer_channel in ('EMAIL', 'PEC', 'PHONE')),
    created_at      timestamptz not null
);
comment on table web_request is 'A ticket opened by a citizen with the public web form; token_hash = SHA-256 of the tracking token the citizen holds (the token itself is never stored)';

create table web_form_challenge_use (
    nonce    varchar(64) primary key,
    used_at  timestamptz not null
);
create index web_form_challenge_use_used_idx on web_form_challenge_use (used_at);
comment on table web_form_challenge_use is 'Signed form challenges already spent: one request each; rows older than the challenge lifetime can be deleted';

create table kb_deflection (
    id           bigserial primary key,
    occurred_at  timestamptz not null,
    article_id   bigint not null references kb_article (id) on delete cascade,
    subject      varchar(300)
);
create index kb_deflection_occurred_idx on kb_deflection (occurred_at, article_id);
comment on table kb_deflection is 'A citizen about to write a web request said a public article solved the problem: a contact avoided (no personal data; the subject typed so far, stripped like searched text)';
