-- What a help desk sends back about a ticket (an agent's reply, a new status) is a row of the
-- ticket's history like the requester's own changes. source_id names the help desk's event (e.g.
-- rt:transaction:123): each is recorded once, however often it is read. Portable SQL.
alter table ticket_update add column source_id varchar(100);
create unique index ticket_update_source on ticket_update (ticket_id, source_id);
-- An agent's reply may be longer than a requester's note.
alter table ticket_update alter column body set data type varchar(10000);
