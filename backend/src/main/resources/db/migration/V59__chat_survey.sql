-- The satisfaction survey at the end of a chat (issue 23 item 3): the survey module asks whether a
-- closed ticket is the one a live chat ended with (then the questionnaire is shown in the chat's widget
-- instead of mailed), by the chat's ticket number.
create index if not exists chat_conversation_ticket_ix on chat_conversation (ticket_number);
