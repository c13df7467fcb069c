-- Tickets, their delivery outbox and the per-conversation escalation state.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (the embedded default).

-- Ticket numbers (T-000123): a sequence, so numbers are unique across instances without a lock.
create sequence ticket_number_seq start with 1;

create table ticket (
  id               varchar(36)              primary key,
  ticket_number    varchar(16)              not null unique,
  -- One ticket per conversation: a second request returns the first ticket.
  conversation_id  varchar(36)              not null unique references conversation (id),
  requester_name   varchar(200)             not null,
  requester_email  varchar(320)             not null,
  subject          varchar(200)             not null,
  description      varchar                  not null,
  category         varchar(64)              not null,
  queue            varchar(64)              not null,
  priority         varchar(2)               not null,
  priority_reason  varchar(500)             not null,
  trigger_kind     varchar(32)              not null,
  status           varchar(16)              not null,
  confidence       double precision,
  page_url         varchar(2000),
  browser          varchar(500),
  -- JSON: the redacted transcript, articles shown and their ratings, the flow and step reached.
  context          varchar                  not null,
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  resolved_at      timestamp with time zone
);
create index ticket_status_created on ticket (status, created_at);
create index ticket_queue_created on ticket (queue, created_at);

-- The outbox: one row per ticket and sink, written in the ticket's transaction, so a ticket that
-- is stored is also due for delivery, whatever happens to the process afterwards.
create table ticket_delivery (
  id               varchar(36)              primary key,
  ticket_id        varchar(36)              not null references ticket (id) on delete cascade,
  sink             varchar(100)             not null,
  idempotency_key  varchar(64)              not null,
  state            varchar(16)              not null,
  attempts         integer                  not null,
  next_attempt_at  timestamp with time zone not null,
  last_error       varchar(1000),
  created_at       timestamp with time zone not null,
  delivered_at     timestamp with time zone,
  constraint ticket_delivery_ticket_sink unique (ticket_id, sink)
);
create index ticket_delivery_due on ticket_delivery (state, next_attempt_at);

-- What the bot knows about a conversation for a ticket before one is raised: where the user is,
-- the last handoff offered and why, the flow's escalation context, ratings.
create table escalation (
  conversation_id     varchar(36)              primary key references conversation (id) on delete cascade,
  page_url            varchar(2000),
  browser             varchar(500),
  trigger_kind        varchar(32),
  context             varchar,
  ratings             varchar,
  negative_rating_at  timestamp with time zone,
  offered_at          timestamp with time zone,
  updated_at          timestamp with time zone not null
);
