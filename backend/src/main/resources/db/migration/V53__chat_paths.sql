-- Guided chat paths (issue 21 item 3): the BPMN path a chat follows (its process instance and the
-- definition, i.e. the version, it started on), the path's queue and the answers collected so far,
-- shown to the operator who takes the chat and put on the ticket a path opens.

create table chat_path (
    conversation_id      bigint       primary key references chat_conversation (id),
    path_key             varchar(100) not null,
    definition_id        varchar(64)  not null,
    process_instance_id  varchar(64)  not null,
    queue                varchar(50),
    answers              text         not null default '[]',
    status               varchar(16)  not null,
    ending               varchar(16),
    started_at           timestamptz  not null,
    ended_at             timestamptz
);
create index chat_path_instance_ix on chat_path (process_instance_id);

comment on table chat_path is 'The guided path (a BPMN process chat-path-*) a chat follows or followed, with the answers collected (personal data: what the citizen answered)';
comment on column chat_path.definition_id is 'The process definition (so the version) the path started on: a running chat stays on it when analysts deploy a new version';
comment on column chat_path.answers is 'JSON list of {key, question, value, shown} in the order answered';
comment on column chat_path.status is 'RUNNING, ENDED or CANCELLED (the citizen left or asked for an operator)';
comment on column chat_path.ending is 'How the path ended: ANSWER, TICKET or HANDOFF';
