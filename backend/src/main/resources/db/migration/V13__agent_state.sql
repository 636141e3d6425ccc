-- The ACD agents' current state (the supervisor's "agents by state" wallboard), one row per agent,
-- kept by the telephony platform's events: AGENT_STATE events and the calls agents answer and end.

create table phone_agent_state (
    agent          varchar(100) primary key,
    state          varchar(20)  not null,
    since          timestamptz  not null,
    last_event_at  timestamptz  not null,
    queue          varchar(50),
    call_id        varchar(200),
    event_id       varchar(200) not null,
    updated_at     timestamptz  not null
);
create index phone_agent_state_state_idx on phone_agent_state (state);
comment on table phone_agent_state is 'Current state of each ACD agent; an event older than last_event_at (events may arrive out of order) changes nothing';
comment on column phone_agent_state.state is 'LOGGED_OUT, AVAILABLE, ON_CALL (talking), WRAP_UP (after-call work), PAUSED (logged in, not ready)';
comment on column phone_agent_state.since is 'When the agent entered the state (platform time): a repeated state keeps it';
comment on column phone_agent_state.last_event_at is 'Platform time of the latest event applied';
comment on column phone_agent_state.call_id is 'ON_CALL: the call in progress; WRAP_UP after a call: the call that ended';
comment on column phone_agent_state.event_id is 'The latest event applied (phone_event)';
