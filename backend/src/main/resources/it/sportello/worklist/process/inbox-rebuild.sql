-- The inbox read model (sportello.inbox_task, ADR 0035) made equal to the engine's open tasks: rows
-- of tasks no longer open removed, tasks without a row added with their candidate groups, their
-- process's business key and the process variables the inbox filters on. Run at start
-- (InboxTable.rebuild) and by the benchmark after it copied engine rows in SQL. Two statements,
-- separated by a line holding only ';'. The second one's last condition (the line starting with
-- "where not exists") is replaced by a list of tasks and process instances when a transaction
-- refreshes the rows of the tasks it changed (InboxTable.refresh).
delete from sportello.inbox_task i
 where not exists (select 1 from act_ru_task t where t.id_ = i.task_id)
;
insert into sportello.inbox_task (task_id, name, task_key, process_key, process_instance_id,
    business_key, assignee, candidate_groups, created_at, due_at, follow_up_at, priority,
    subject_kind, queue, ticket_type, channel, language, ticket_priority)
select t.id_, t.name_, t.task_def_key_, d.key_, t.proc_inst_id_, p.business_key_, t.assignee_,
       coalesce((select array_agg(distinct l.group_id_) from act_ru_identitylink l
                  where l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null),
                '{}'),
       t.create_time_::timestamptz, t.due_date_::timestamptz, t.follow_up_date_::timestamptz,
       t.priority_,
       v.subject_kind, v.queue, v.ticket_type, v.channel, v.language, v.ticket_priority
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
 where not exists (select 1 from sportello.inbox_task i where i.task_id = t.id_)
on conflict (task_id) do nothing
