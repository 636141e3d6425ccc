-- Fills Sportello's tables with :tickets tickets (default in ticket_search.py: 2,500,000), one
-- requester for every 6 tickets and 3 path events per ticket, straight with generate_series (no
-- application code, no process instances: the search and the ticket page read only our tables).
-- Secondary indexes are dropped for the load and built again afterwards, as a bulk load should.
-- Run it again to add more: numbers, fiscal codes and ids continue after what is there.
--
--   psql -h localhost -p 25432 -U postgres -d postgres -v tickets=2500000 -f ticket_search_data.sql
--
-- Spread: received over the last 730 days; the last 30 days hold the open work (open, in progress,
-- waiting for the requester or an office), older tickets are closed; queues, channels, types and
-- priorities weighted as a municipal help desk sees them; Italian subjects and descriptions from a
-- few dozen phrases, combined.
\set ON_ERROR_STOP on
set search_path = sportello;
set maintenance_work_mem = '512MB';
set synchronous_commit = off;

select coalesce(max(id), 0) as c0 from contact \gset
select coalesce(max(id), 0) as t0 from ticket \gset
select (:tickets / 6) as contacts \gset

-- the secondary indexes, to build again after the load (constraints' indexes stay); kept in a table
-- until they are built again, so that a load stopped half-way loses none of them
create table if not exists public.benchmark_saved_index (indexname text primary key, indexdef text not null);
insert into public.benchmark_saved_index
select i.indexname, i.indexdef
from pg_indexes i
where i.schemaname = 'sportello'
  and i.tablename in ('ticket', 'ticket_event', 'contact')
  and i.indexname not in (select conname from pg_constraint)
on conflict (indexname) do nothing;
select coalesce(string_agg(format('drop index if exists sportello.%I;', indexname), ' '), '') as drops
from public.benchmark_saved_index \gset
:drops

\echo contacts
insert into contact (id, kind, name, fiscal_code, email, phone, created_at, updated_at)
select :c0 + i,
       'PERSON',
       (array['Maria','Giuseppe','Anna','Francesco','Giulia','Antonio','Chiara','Marco','Sara',
              'Luca','Paola','Alessandro','Francesca','Andrea','Elena','Roberto','Laura','Stefano',
              'Silvia','Matteo','Valentina','Davide','Federica','Simone','Martina'])[1 + (i * 7) % 25]
       || ' ' ||
       (array['Rossi','Russo','Ferrari','Esposito','Bianchi','Romano','Colombo','Ricci','Marino',
              'Greco','Bruno','Gallo','Conti','De Luca','Mancini','Costa','Giordano','Rizzo',
              'Lombardi','Moretti','Barbieri','Fontana','Santoro','Mariani','Rinaldi','Caruso',
              'Ferrara','Galli','Martini','Leone','Longo','Gentile','Martinelli','Vitale','Lombardo',
              'Serra','Coppola','De Santis','D''Angelo','Marchetti'])[1 + (i * 13) % 40],
       'BMK' || lpad((:c0 + i)::text, 13, '0'),
       'cittadino' || (:c0 + i) || '@example.it',
       '+39 3' || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0'),
       now() - interval '800 days',
       now() - interval '800 days'
from generate_series(1, :contacts) as i;

\echo tickets
insert into ticket (id, number, type, channel, status, requester_id, subject, description, language,
                    topic, reason, priority, queue, current_level, sla_policy, received_at,
                    taken_in_charge_at, taken_in_charge_by, resolved_at, resolved_at_level, closed_at,
                    take_in_charge_due_at, resolution_due_at, take_in_charge_breached,
                    resolution_breached, outcome, context, created_by, created_at, updated_at)
select :t0 + g.i,
       'RS-' || extract(year from g.received at time zone 'Europe/Rome') || '-' || lpad((:t0 + g.i)::text, 7, '0'),
       (array['Q','Q','Q','Q','Q','Q','Q','Q','Q','Q','Q','Q','A','A','A','I','I','I','PQ','PA'])[1 + g.h % 20],
       (array['EMAIL','EMAIL','EMAIL','WEB','WEB','WEB','PHONE','PHONE','PHONE','PHONE','PEC','CHAT','FAX','EMAIL','WEB','PHONE','PHONE','WEB','VOICEMAIL','SOCIAL'])[1 + (g.h / 20) % 20],
       g.status,
       :c0 + 1 + (g.i * 7) % :contacts,
       (array['Pagamento TARI non registrato','Richiesta certificato di residenza','Rimborso IMU versata due volte',
              'Iscrizione al servizio mensa scolastica','Cambio di residenza','Carta d''identità elettronica: appuntamento',
              'Multa per divieto di sosta','Permesso ZTL per residenti','Bonus asilo nido','Accesso agli atti',
              'Segnalazione buca stradale','Raccolta rifiuti ingombranti','Contrassegno invalidi','Passo carrabile',
              'Errore nell''avviso di pagamento','Password SPID non funziona','Richiesta di rateizzazione',
              'Allaccio acquedotto','Trasporto scolastico','Occupazione suolo pubblico','Iscrizione anagrafe canina',
              'Pubblicazioni di matrimonio','Assegno di maternità','Illuminazione pubblica guasta',
              'Dati personali: richiesta di cancellazione','Verbale della polizia locale','Tessera elettorale smarrita',
              'Contributo affitto','Certificato di stato di famiglia','Pagamento pagoPA non riuscito'])[1 + (g.h / 400) % 30]
       || case when g.h % 3 = 0 then ' - ' || (array['urgente','sollecito','seconda richiesta','chiarimento','informazioni'])[1 + g.h % 5] else '' end,
       (array['Buongiorno, scrivo perché ','Gentile ufficio, ','Salve, ','Con la presente segnalo che ','Vi contatto di nuovo: '])[1 + g.h % 5]
       || (array['ho effettuato il versamento tramite pagoPA ma risulto ancora debitore. ',
                 'non riesco a completare la domanda sul portale dei servizi online. ',
                 'ho ricevuto un avviso che ritengo non dovuto per l''anno scorso. ',
                 'mi serve il documento entro la fine del mese per una pratica bancaria. ',
                 'il modulo scaricato dal sito non si apre e la scadenza è vicina. ',
                 'mio figlio frequenta la scuola primaria e vorrei sapere come iscriverlo. ',
                 'la strada davanti alla mia abitazione è al buio da una settimana. ',
                 'chiedo il rimborso della somma pagata in eccesso con il bonifico. ',
                 'vorrei sapere quali documenti portare all''appuntamento allo sportello. ',
                 'ho cambiato indirizzo e devo aggiornare i dati della mia famiglia. '])[1 + (g.h / 5) % 10]
       || (array['Allego la ricevuta del pagamento. ','Resto in attesa di una risposta. ',
                 'Potete richiamarmi al numero indicato? ','Grazie per la disponibilità. ',
                 'È la seconda volta che scrivo senza ricevere riscontro. ',
                 'Vi prego di indicarmi i tempi previsti. ','Cordiali saluti. ',
                 'Il codice dell''errore mostrato è E-402. '])[1 + (g.h / 50) % 8],
       'it',
       null, null,
       1 + g.h % 4,
       (array['general','general','general','general','payments','payments','payments','technical','technical','privacy'])[1 + (g.h / 7) % 10],
       case when g.h % 4 = 0 then 2 else 1 end,
       'STANDARD',
       g.received,
       case when g.status in ('NEW','OPEN') then null else g.received + interval '3 hours' end,
       case when g.status in ('NEW','OPEN') then null else 'operator' || (1 + g.h % 40) end,
       case when g.status = 'CLOSED' then g.received + interval '2 days' end,
       case when g.status = 'CLOSED' then 1 end,
       case when g.status = 'CLOSED' then g.received + interval '2 days' end,
       g.received + interval '1 day',
       g.received + interval '5 days',
       g.h % 100 < 8,
       g.h % 100 between 50 and 55,
       case when g.status = 'CLOSED' then 'SOLVED' end,
       '{}'::jsonb,
       'benchmark',
       g.received,
       g.received
from (
  select s.i,
         s.h,
         s.received,
         case
           when s.received < now() - interval '30 days' then 'CLOSED'
           else (array['OPEN','OPEN','OPEN','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS',
                       'WAITING_FOR_REQUESTER','WAITING_FOR_REQUESTER','WAITING_FOR_OFFICE','CLOSED','NEW'])[1 + (s.h / 3) % 12]
         end as status
  from (
    select i,
           ((i::bigint * 2654435761) % 1000003)::int as h,
           now() - (((i::bigint * 7919) % (730 * 24 * 60)) * interval '1 minute') as received
    from generate_series(1, :tickets) as i
  ) s
) g;

\echo events
insert into ticket_event (ticket_id, occurred_at, kind, actor, level, queue, office, detail)
select t.id, t.received_at, 'RECEIVED', 'system', null, null, null, 'Canale ' || t.channel
from ticket t where t.id > :t0;
insert into ticket_event (ticket_id, occurred_at, kind, actor, level, queue, office, detail)
select t.id, t.received_at + interval '1 second', 'CLASSIFIED', 'system', 1, t.queue, null,
       'queue=' || t.queue || ' priority=' || t.priority || ' sla=STANDARD'
from ticket t where t.id > :t0;
insert into ticket_event (ticket_id, occurred_at, kind, actor, level, queue, office, detail)
select t.id, coalesce(t.closed_at, t.taken_in_charge_at),
       case when t.status = 'CLOSED' then 'CLOSED' else 'TAKEN_IN_CHARGE' end,
       t.taken_in_charge_by, 1, t.queue, null, null
from ticket t where t.id > :t0 and t.taken_in_charge_by is not null;

\echo sequences and number counters
select setval(pg_get_serial_sequence('sportello.contact', 'id'), (select max(id) from contact));
select setval(pg_get_serial_sequence('sportello.ticket', 'id'), (select max(id) from ticket));
insert into ticket_number_counter (year, last_value)
select extract(year from received_at at time zone 'Europe/Rome')::int, :t0 + :tickets + 1
from ticket where id > :t0 group by 1
on conflict (year) do update set last_value = greatest(ticket_number_counter.last_value, excluded.last_value);

\echo indexes
select string_agg(regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX ', 'CREATE \1INDEX IF NOT EXISTS ') || ';', ' ')
       as creates from public.benchmark_saved_index \gset
:creates
drop table public.benchmark_saved_index;
\echo analyze
analyze contact;
analyze ticket;
analyze ticket_event;
