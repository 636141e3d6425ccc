-- Issue 26 item 4, ADR 0035: the inbox read model. One row per open user task of the engine, written
-- in the engine's own transaction from its rows, for the tasks its task and history events say
-- changed (worklist.process.InboxChanges), and filled from the engine's tables at start for the tasks
-- that existed before (worklist/process/inbox-rebuild.sql). The inbox, its filters and SLA states
-- and the supervisors' workload read this table instead of the engine's task query (which joins
-- candidate groups and variables and counts every match).

create table inbox_task (
    task_id              varchar(64)   primary key,
    name                 varchar(255),
    task_key             varchar(255),
    process_key          varchar(255),
    process_instance_id  varchar(64),
    business_key         varchar(255),
    assignee             varchar(255),
    candidate_groups     varchar(255)[] not null default '{}',
    created_at           timestamptz   not null,
    due_at               timestamptz,
    follow_up_at         timestamptz,
    priority             int           not null,
    subject_kind         varchar(64),
    queue                varchar(255),
    ticket_type          varchar(64),
    channel              varchar(64),
    language             varchar(64),
    ticket_priority      int
);
comment on table inbox_task is 'The open user tasks as the inbox reads them (ADR 0035): a copy of the engine''s task, its candidate groups, its process''s business key and the process variables the inbox filters on; kept by the engine''s task events and variable changes in the same transaction';
comment on column inbox_task.candidate_groups is 'The groups the task is offered to (candidate identity links); a task with an assignee is in the assignee''s inbox only';
comment on column inbox_task.queue is 'Process variable queue (ticket processes), like ticket_type, channel, language and ticket_priority (variable priority): the inbox filters';

-- the first page and the SLA states (a range of due_at), in the inbox's order
create index inbox_task_due_idx on inbox_task (due_at, created_at, task_id);
-- each filter, in the inbox's order
create index inbox_task_queue_idx on inbox_task (queue, due_at, created_at, task_id);
create index inbox_task_type_idx on inbox_task (ticket_type, due_at, created_at, task_id);
create index inbox_task_channel_idx on inbox_task (channel, due_at, created_at, task_id);
create index inbox_task_language_idx on inbox_task (language, due_at, created_at, task_id);
create index inbox_task_priority_idx on inbox_task (ticket_priority, due_at, created_at, task_id);
-- the requester filter (the tickets of the requesters found) and the ticket number's text
create index inbox_task_business_key_idx on inbox_task (business_key);
create index inbox_task_business_key_trgm_idx on inbox_task using gin (business_key gin_trgm_ops);
-- variable changes find the rows of their process instance; the supervisors' board its groups
create index inbox_task_instance_idx on inbox_task (process_instance_id);
create index inbox_task_groups_idx on inbox_task using gin (candidate_groups);
-- the supervisors' list of taken tasks, in the inbox's order
create index inbox_task_assigned_idx on inbox_task (due_at, created_at, task_id) where assignee is not null;
