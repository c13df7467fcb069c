-- What the requester did to a ticket after raising it (a note, closing it), oldest first, and the
-- outbox rows that deliver each change. Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

create table ticket_update (
  id          varchar(36)              primary key,
  ticket_id   varchar(36)              not null references ticket (id) on delete cascade,
  -- note | closed
  kind        varchar(16)              not null,
  -- redacted; optional when closing
  body        varchar(2000),
  created_at  timestamp with time zone not null
);
create index ticket_update_ticket on ticket_update (ticket_id, created_at);

-- A change is delivered to every sink like the ticket itself: one outbox row per change and sink,
-- with the change's id as its idempotency key. Rows without an update deliver the ticket.
alter table ticket_delivery add column update_id varchar(36);
alter table ticket_delivery add constraint ticket_delivery_update
  foreign key (update_id) references ticket_update (id) on delete cascade;
alter table ticket_delivery drop constraint ticket_delivery_ticket_sink;
create unique index ticket_delivery_key_sink on ticket_delivery (idempotency_key, sink);
