-- The classification tree's names in the citizens' and operators' other languages (issue 20, item 5):
-- the Italian name stays in kb_category.name; names holds {"en": ..., "de": ..., "fr": ...}, each
-- optional, Italian when missing.
alter table kb_category add column names jsonb not null default '{}'::jsonb;
comment on column kb_category.names is 'The name in other languages by ISO code ({"en": "...", "de": "...", "fr": "..."}); a missing language falls back to name (Italian)';
