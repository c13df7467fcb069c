-- The console is a working queue: a ticket has the agent working on it (null: nobody yet), and
-- each row of its history says which agent made the change (null: the requester, or the help
-- desk named by source_id). Usernames, as agents sign in. Portable SQL.
alter table ticket add column assignee varchar(100);
create index ticket_assignee on ticket (assignee);
alter table ticket_update add column author varchar(100);
