-- A file name belongs to the link between a document and its record, not to the stored bytes: the same
-- content (one row per SHA-256) uploaded to two tickets as "istanza.pdf" and "ricevuta.pdf" keeps each
-- name in its own ticket, and no record shows the name another record gave it.

alter table document_link add column file_name varchar(255);
comment on column document_link.file_name is 'The name the document has in this record (null: none given)';

alter table case_document add column file_name varchar(255);
comment on column case_document.file_name is 'The name of this version of the document in the case file (null: none given)';

-- until now every record showed the first name the content arrived with
update document_link l set file_name = d.file_names ->> 0
from document d where d.id = l.document_id and jsonb_array_length(d.file_names) > 0;

update case_document c set file_name = d.file_names ->> 0
from document d where d.id = c.document_id and jsonb_array_length(d.file_names) > 0;

alter table document drop column file_names;
