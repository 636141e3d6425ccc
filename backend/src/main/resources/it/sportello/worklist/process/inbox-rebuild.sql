-- The inbox read model (sportello.inbox_task, ADR 0035) made equal to the engine's open tasks, run at
-- start (InboxTable.rebuild) and by the benchmark after it copied engine rows in SQL. Two statements,
-- separated by a line holding only ';': the rows of tasks no longer open are removed, then the ids of the
-- open tasks without a row are selected; inbox-rows.sql writes their rows.
delete from sportello.inbox_task i
 where not exists (select 1 from act_ru_task t where t.id_ = i.task_id)
;
select t.id_ from act_ru_task t
 where not exists (select 1 from sportello.inbox_task i where i.task_id = t.id_)
