-- Issue 20: the call-back as the answer channel and its appointment, reminders of appointments,
-- reminders only to verified addresses, and queue and office names in German and French.

-- the appointment agreed for a call-back (the slot the citizen chose on the form, or the operator set)
alter table phone_callback add column appointment_at timestamptz;
-- why the call-back was started: an operator's call-back, or the answer of a ticket whose requester chose the phone
alter table phone_callback add column purpose varchar(20) not null default 'CALL_BACK'
    check (purpose in ('CALL_BACK', 'ANSWER'));
comment on column phone_callback.appointment_at is 'The agreed time of the call-back (in the service calendar''s hours), if one was agreed';
comment on column phone_callback.purpose is 'CALL_BACK (started by an operator) or ANSWER (the ticket''s answer, given by phone as the requester chose)';
create index phone_callback_appointment_idx on phone_callback (appointment_at) where appointment_at is not null;

-- reminders of call-back appointments; a reminder goes only to a verified address
alter table reminder_subscription drop constraint reminder_subscription_kind_check;
alter table reminder_subscription add constraint reminder_subscription_kind_check
    check (kind in ('ANSWER_DUE', 'NOTICE_DEADLINE', 'APPOINTMENT'));
create unique index reminder_subscription_appointment_uq on reminder_subscription (fiscal_code)
    where kind = 'APPOINTMENT';
alter table reminder_subscription add column email_verified_at timestamptz;
alter table reminder_subscription add column verification_token_hash varchar(64);
alter table reminder_subscription add column verification_sent_at timestamptz;
create unique index reminder_subscription_token_uq on reminder_subscription (verification_token_hash)
    where verification_token_hash is not null;
-- subscriptions made before this version were made by a logged-in citizen with the address of their
-- identity or one they typed: the latter are confirmed again before anything more is sent
comment on column reminder_subscription.email_verified_at is 'When the address was verified: the e-mail claim of the SPID/CIE identity, or the confirmation link; nothing is sent before';
comment on column reminder_subscription.verification_token_hash is 'SHA-256 (hex) of the confirmation link''s token while the address waits for confirmation';

-- queue and office names in the four languages (Italian required; the others fall back to it)
alter table queue add column name_de varchar(200);
alter table queue add column name_fr varchar(200);
alter table office add column name_en varchar(200);
alter table office add column name_de varchar(200);
alter table office add column name_fr varchar(200);
update queue set name_de = 'Allgemeine Informationen', name_fr = 'Informations générales' where code = 'general';
update queue set name_de = 'Zahlungen', name_fr = 'Paiements' where code = 'payments';
update queue set name_de = 'Datenschutz', name_fr = 'Protection des données' where code = 'privacy';
update queue set name_de = 'Technischer Support', name_fr = 'Assistance technique' where code = 'technical';
comment on column queue.name_de is 'German name (null: the Italian one is shown)';
comment on column queue.name_fr is 'French name (null: the Italian one is shown)';
comment on column office.name_en is 'English name (null: the Italian one is shown)';
comment on column office.name_de is 'German name (null: the Italian one is shown)';
comment on column office.name_fr is 'French name (null: the Italian one is shown)';
