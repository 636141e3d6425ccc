-- Issue 24: a decision table's tests (sample inputs and expected outputs) are kept with its draft,
-- run on every save and before deployment, and deployed with the table as <decision>.tests.json.

alter table studio_draft add column tests text;
comment on column studio_draft.tests is 'DMN drafts: the table''s tests as JSON (cases of inputs and expected outputs), deployed with it as <decision>.tests.json; null when it has none';
