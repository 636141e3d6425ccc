-- Demo ACD agent states (default profile only), so the supervisors' "agents by state" board is not
-- empty before a telephony platform sends events. Inserted once: real events take over (any event
-- newer than these moves the agent).
insert into phone_agent_state (agent, state, since, last_event_at, queue, call_id, event_id, updated_at) values
    ('operator1', 'AVAILABLE', now() - interval '12 minutes', now() - interval '12 minutes', 'general', null, 'demo', now()),
    ('operator3', 'PAUSED',    now() - interval '7 minutes',  now() - interval '7 minutes',  'general', null, 'demo', now()),
    ('operator2', 'AVAILABLE', now() - interval '25 minutes', now() - interval '25 minutes', 'level2',  null, 'demo', now())
on conflict (agent) do nothing;
