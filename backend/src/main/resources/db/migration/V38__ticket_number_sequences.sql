-- Ticket numbers come from one PostgreSQL sequence per year (sportello.ticket_number_<year>, issue 26)
-- instead of a counter row bumped in a second transaction: nextval takes no lock that lasts beyond
-- the call and needs no connection of its own, so an intake holds one pool connection, never two.
-- The years counted so far continue where their counter row stopped; the table is no longer written.
do $$
declare
  counter record;
begin
  for counter in select year, last_value from sportello.ticket_number_counter loop
    execute format('create sequence if not exists sportello.ticket_number_%s as bigint start with %s',
                   counter.year, counter.last_value + 1);
  end loop;
end
$$;
