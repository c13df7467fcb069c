-- Whether the requester's email was proven in the conversation (an emailed code to that address
-- was typed back): the ticket form's name and email are otherwise only what the visitor typed.
alter table ticket add column requester_verified boolean not null default false;
