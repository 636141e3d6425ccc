-- HTTP sessions shared by the application's nodes (issue 26, item 5; ADR 0029): Spring Session JDBC's
-- tables, so that a node can stop or fail without logging its users out. Their own schema: a
-- session lives at most its idle timeout (server.servlet.session.timeout) and is removed by Spring
-- Session's clean-up; it is neither business data nor part of the full export, and the erasure's
-- scan of our schema does not read serialized sessions.
create schema if not exists http_session;

create table http_session.spring_session (
  primary_id char(36) not null,
  session_id char(36) not null,
  creation_time bigint not null,
  last_access_time bigint not null,
  max_inactive_interval int not null,
  expiry_time bigint not null,
  principal_name varchar(100),
  constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on http_session.spring_session (session_id);
create index spring_session_ix2 on http_session.spring_session (expiry_time);
create index spring_session_ix3 on http_session.spring_session (principal_name);

create table http_session.spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name varchar(200) not null,
  attribute_bytes bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references http_session.spring_session (primary_id) on delete cascade
);

comment on schema http_session is 'Spring Session JDBC: the HTTP sessions shared by the nodes (ADR 0029)';
