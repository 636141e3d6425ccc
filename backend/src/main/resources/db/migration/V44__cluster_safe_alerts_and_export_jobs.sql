-- Issue 25 leftovers: the alert watcher's state per dependency (cluster-safe alerting), backoff of
-- the citizen channels' retries, access exports as files, and the full export's jobs.

-- What the deciding node saw of each dependency (shared ones: the node that holds the lease
-- 'dependency-watcher' in job_lock; node-local ones, named '<indicator>@<node>': their own node).
-- A change not yet confirmed by grace-checks checks in a row waits here, so that another node can
-- take over the counting when the lease moves.
create table dependency_watch (
    dependency      varchar(300) primary key,
    pending_status  varchar(30),
    pending_checks  integer      not null default 0,
    pending_since   timestamptz,
    pending_details text,
    checked_at      timestamptz  not null,
    checked_by      varchar(200) not null
);
comment on table dependency_watch is 'The alert watcher''s last check of each dependency and a change waiting for its grace checks';

-- A message of the citizen channels (App IO, SMS) that failed waits before its next try: the
-- backoff doubles after each failure up to a cap; after max-attempts it is quarantined (FAILED).
alter table notification_outbox add column next_attempt_at timestamptz;
comment on column notification_outbox.next_attempt_at is 'After a failed attempt: when the next try is due (exponential backoff, capped); null: at once';

-- Access exports are zip files on disk (sportello.data-subjects.export-directory), written as they
-- are read: the row keeps the file's name, size and hash; older rows keep their bytes.
alter table data_subject_export alter column archive drop not null;
alter table data_subject_export add column file_name varchar(300);
alter table data_subject_export add constraint data_subject_export_file_or_bytes
    check (file_name is not null or archive is not null);
comment on column data_subject_export.file_name is 'The zip''s file under sportello.data-subjects.export-directory (since V44; before, the bytes in archive); deleted by retention (access-exports)';

-- The full export's jobs (it.sportello.archive.ArchiveExports): kept across restarts, seen from
-- every node. Not part of the full export itself (operational; the files are on the source host).
create table archive_export_job (
    id            varchar(36)  primary key,
    state         varchar(20)  not null,
    requested_by  varchar(200) not null,
    requested_at  timestamptz  not null,
    finished_at   timestamptz,
    tables_done   bigint       not null default 0,
    file_name     varchar(300) not null,
    size_bytes    bigint,
    error         text,
    manifest      jsonb,
    node          varchar(200) not null,
    heartbeat_at  timestamptz  not null,
    constraint archive_export_job_state check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
create index archive_export_job_requested_idx on archive_export_job (requested_at desc);
comment on table archive_export_job is 'Full exports (every table as CSV, documents as files) asked by administrators: state, progress (tables written), the archive''s file under sportello.archive.directory, who asked';
comment on column archive_export_job.heartbeat_at is 'Last sign of life of a QUEUED or RUNNING job; one silent for sportello.archive.stale-after is reported FAILED (its node stopped)';
