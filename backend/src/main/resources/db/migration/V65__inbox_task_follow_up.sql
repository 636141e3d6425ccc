-- Issue 26 item 4: the at-risk state (follow-up date passed, not yet due). Its tasks lie behind every task
-- due sooner, so reading the due-date index in order drops most of what it reads (69,605 rows for 25 at
-- 100,000 open tasks). This index finds them by their follow-up date instead; the page sorts the matches
-- (worklist.process.InboxTable, docs/performance.md).

create index inbox_task_follow_up_idx on inbox_task (follow_up_at);
