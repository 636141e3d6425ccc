-- EXPLAIN (ANALYZE, BUFFERS) of the queries ticket_search.py times, written as TicketSearch sends
-- them (the page, then the count when the page is full), on a ticket, a fiscal code and a word
-- taken from the data. The application sends them as prepared statements: after five runs
-- PostgreSQL may choose a generic plan, so a plan here is the custom plan of those values.
--
--   psql -h localhost -p 25432 -U postgres -d postgres -X -f docs/benchmarks/ticket_search_explain.sql
--   (-v word=residenza to choose the word; default mensa, one of the most common; the rare word
--   'ascensore' is in the 30 tickets ticket_search.py adds; the application sends the candidates'
--   ids as a list, t.id in (...), written here as = any(array))
\set ON_ERROR_STOP on
set search_path = sportello;
\if :{?word}
\else
\set word mensa
\endif
select number from ticket tablesample system (0.1) limit 1 \gset
select fiscal_code from contact tablesample system (1) where fiscal_code is not null limit 1 \gset
select to_char(date_trunc('month', now() at time zone 'Europe/Rome') - interval '1 month', 'YYYY-MM-DD') as month_start,
       to_char(date_trunc('month', now() at time zone 'Europe/Rome'), 'YYYY-MM-DD') as month_end \gset
\echo number :number, fiscal code :fiscal_code, word :word, month :month_start … :month_end

\set columns 't.number, t.subject, c.name as requester_name, t.status, t.queue, t.channel, t.type, t.priority, t.received_at, t.resolution_due_at, (t.take_in_charge_breached or t.resolution_breached) as breached, t.taken_in_charge_by from sportello.ticket t left join sportello.contact c on c.id = t.requester_id'

\echo '== number (exact)'
explain (analyze, buffers, costs off) select :columns where t.number = :'number' order by t.received_at desc, t.id desc limit 25 offset 0;

\echo '== fiscal code'
explain (analyze, buffers, costs off) select :columns where t.requester_id in (select id from sportello.contact where fiscal_code = :'fiscal_code') order by t.received_at desc, t.id desc limit 25 offset 0;

\echo '== free text, one word: page'
explain (analyze, buffers, costs off) select :columns where t.search_vector @@ websearch_to_tsquery('italian', :'word') order by t.received_at desc, t.id desc limit 25 offset 0;
\echo '== free text, one word: count (stops at 200)'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.search_vector @@ websearch_to_tsquery('italian', :'word') limit 201) matches;

\echo '== free text, two words: page'
explain (analyze, buffers, costs off) select :columns where t.search_vector @@ websearch_to_tsquery('italian', 'rimborso IMU') order by t.received_at desc, t.id desc limit 25 offset 0;
\echo '== free text, two words: count'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.search_vector @@ websearch_to_tsquery('italian', 'rimborso IMU') limit 201) matches;

\echo '== requester name part: page'
explain (analyze, buffers, costs off) select :columns where t.requester_id in (select id from sportello.contact where lower(name) like '%esposito%') order by t.received_at desc, t.id desc limit 25 offset 0;
\echo '== requester name part: count (stops at 10,000)'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.requester_id in (select id from sportello.contact where lower(name) like '%esposito%') limit 10001) matches;

\echo '== free text and requester name: which words are common (one word alone, share >= 1 %: walk newest first)'
select f.lexeme, f.share from pg_catalog.pg_stats s cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) f(lexeme, share) where s.schemaname = 'sportello' and s.tablename = 'ticket' and s.attname = 'search_vector' and f.lexeme in ('mens', 'resident', 'rimbors', 'imu', 'ascensor', 'rimbross');

\echo '== candidates through the GIN index (TicketSearch.candidates): a word no ticket has, a rare word, two common words, a name part'
begin;
set local enable_seqscan = off;
set local enable_indexscan = off;
explain (analyze, buffers, costs off) select t.id from sportello.ticket t where t.search_vector @@ websearch_to_tsquery('italian', 'rimbrosso') limit 201;
explain (analyze, buffers, costs off) select t.id from sportello.ticket t where t.search_vector @@ websearch_to_tsquery('italian', 'ascensore') limit 201;
explain (analyze, buffers, costs off) select t.id from sportello.ticket t where t.search_vector @@ websearch_to_tsquery('italian', 'rimborso IMU') limit 201;
explain (analyze, buffers, costs off) select t.id from sportello.ticket t where t.requester_id in (select id from sportello.contact where lower(name) like '%esposito%') limit 201;
commit;
\echo '== a rare word: the page among its candidates (ids of the step above)'
select array_agg(id) as rare_ids from (select t.id from sportello.ticket t where t.search_vector @@ websearch_to_tsquery('italian', 'ascensore') limit 201) c \gset
explain (analyze, buffers, costs off) select :columns where t.search_vector @@ websearch_to_tsquery('italian', 'ascensore') and t.id = any(:'rare_ids'::bigint[]) order by t.received_at desc, t.id desc limit 25 offset 0;
\echo '== a word no ticket has, planned as the page was sent before: the walk newest first (not run: it reads the whole table)'
explain (costs off) select :columns where t.search_vector @@ websearch_to_tsquery('italian', 'rimbrosso') order by t.received_at desc, t.id desc limit 25 offset 0;

\echo '== status + queue + a month: page'
explain (analyze, buffers, costs off) select :columns where t.status in ('CLOSED') and t.queue = 'payments' and t.received_at >= (:'month_start'::date)::timestamp at time zone 'Europe/Rome' and t.received_at < (:'month_end'::date)::timestamp at time zone 'Europe/Rome' order by t.received_at desc, t.id desc limit 25 offset 0;
\echo '== status + queue + a month: count'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.status in ('CLOSED') and t.queue = 'payments' and t.received_at >= (:'month_start'::date)::timestamp at time zone 'Europe/Rome' and t.received_at < (:'month_end'::date)::timestamp at time zone 'Europe/Rome' limit 10001) matches;

\echo '== open + queue, by due date: page'
explain (analyze, buffers, costs off) select :columns where t.queue = 'payments' and t.status <> 'CLOSED' order by t.resolution_due_at asc, t.id asc limit 25 offset 0;
\echo '== open + queue: count'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.queue = 'payments' and t.status <> 'CLOSED' limit 10001) matches;

\echo '== no filter, by priority: page'
explain (analyze, buffers, costs off) select :columns order by t.priority desc, t.received_at desc, t.id desc limit 25 offset 0;
\echo '== no filter: count'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t limit 10001) matches;

\echo '== no filter, page 40 (offset 1,000)'
explain (analyze, buffers, costs off) select :columns order by t.received_at desc, t.id desc limit 25 offset 1000;

\echo '== view mine (open, taken by operator1): page and count'
explain (analyze, buffers, costs off) select :columns where t.status <> 'CLOSED' and t.taken_in_charge_by = 'operator1' order by t.received_at desc, t.id desc limit 25 offset 0;
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.status <> 'CLOSED' and t.taken_in_charge_by = 'operator1' limit 10001) matches;
\echo '== views unassigned, breached, waiting for the requester: counts'
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.status <> 'CLOSED' and t.taken_in_charge_by is null limit 10001) matches;
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.status <> 'CLOSED' and (t.take_in_charge_breached or t.resolution_breached) limit 10001) matches;
explain (analyze, buffers, costs off) select count(*) from (select 1 from sportello.ticket t where t.status in ('WAITING_FOR_REQUESTER') limit 10001) matches;
