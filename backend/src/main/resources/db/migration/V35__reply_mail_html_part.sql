-- The HTML part of a mail (multipart/alternative beside the text body); null: text only.
alter table sportello.outbound_mail add column html_body text;
