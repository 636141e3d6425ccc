-- The inbox read model's rows (sportello.inbox_task, ADR 0035) of the tasks given (first parameter, an
-- array of task ids) and of the tasks of the process instances given (second parameter, an array of
-- process instance ids), from the engine's tables: the task, its candidate groups, its process's business
-- key and the process variables the inbox filters on, and, when the business key is an open ticket's
-- number, what the requester filter matches of its requester (V66; kept afterwards by V66's triggers).
-- Run when a transaction changed tasks (InboxTable.refresh, after deleting their rows) and by the rebuild
-- (InboxTable.rebuild, for the open tasks without a row). A row already there is left as it is.
insert into sportello.inbox_task (task_id, name, task_key, process_key, process_instance_id,
    business_key, assignee, candidate_groups, created_at, due_at, follow_up_at, priority,
    subject_kind, queue, ticket_type, channel, language, ticket_priority,
    requester_name, requester_fiscal_code, requester_vat_number, requester_email, requester_phone)
select t.id_, t.name_, t.task_def_key_, d.key_, t.proc_inst_id_, p.business_key_, t.assignee_,
       coalesce((select array_agg(distinct l.group_id_) from act_ru_identitylink l
                  where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null),
                '{}'),
       t.create_time_::timestamptz, t.due_date_::timestamptz, t.follow_up_date_::timestamptz,
       t.priority_,
       v.subject_kind, v.queue, v.ticket_type, v.channel, v.language, v.ticket_priority,
       c.name, c.fiscal_code, c.vat_number, c.email, c.phone
  from act_ru_task t
  left join act_ru_execution p on p.id_ = t.proc_inst_id_
  left join act_re_procdef d on d.id_ = t.proc_def_id_
  left join lateral (
       select max(x.text_) filter (where x.name_ = 'subjectKind') as subject_kind,
              max(x.text_) filter (where x.name_ = 'queue') as queue,
              max(x.text_) filter (where x.name_ = 'ticketType') as ticket_type,
              max(x.text_) filter (where x.name_ = 'channel') as channel,
              max(x.text_) filter (where x.name_ = 'language') as language,
              max(x.long_) filter (where x.name_ = 'priority'
                                     and x.type_ in ('integer', 'long', 'short')) as ticket_priority
         from act_ru_variable x
        where x.proc_inst_id_ = t.proc_inst_id_ and x.execution_id_ = t.proc_inst_id_
          and x.task_id_ is null
          and x.name_ in ('subjectKind', 'queue', 'ticketType', 'channel', 'language', 'priority')
       ) v on true
  left join sportello.ticket k on k.number = p.business_key_ and k.status <> 'CLOSED'
  left join sportello.contact c on c.id = k.requester_id and c.merged_into_id is null
 where t.id_ = any(cast(? as varchar[])) or t.proc_inst_id_ = any(cast(? as varchar[]))
on conflict (task_id) do nothing
