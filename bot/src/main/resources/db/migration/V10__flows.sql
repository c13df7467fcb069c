-- Guided fixes (flows). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.

-- The flow a conversation is in, one at most. Answers to secret and one-time-code steps are never
-- written here: they live only in memory during the turn that uses them.
create table flow_state (
  conversation_id  varchar(36)              primary key references conversation (id) on delete cascade,
  flow_id          varchar(100)             not null,
  step_id          varchar(100)             not null,
  -- JSON: non-secret answers, action data, attempts per question, the questions asked (for "back").
  data             varchar                  not null,
  started_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  -- An abandoned flow stops taking the user's messages after this.
  expires_at       timestamp with time zone not null
);
create index flow_state_expires on flow_state (expires_at);

-- One-time codes emailed to verify a user: only a salted hash of each code is kept.
create table flow_verification (
  id               varchar(36)              primary key,
  conversation_id  varchar(36)              not null references conversation (id) on delete cascade,
  username         varchar(256)             not null,
  code_hash        varchar(64)              not null,
  salt             varchar(32)              not null,
  attempts         integer                  not null,
  created_at       timestamp with time zone not null,
  expires_at       timestamp with time zone not null,
  verified_at      timestamp with time zone
);
create index flow_verification_conversation on flow_verification (conversation_id, created_at);
-- Codes sent per user in the last hour: a limit, so starting over cannot become guessing.
create index flow_verification_username on flow_verification (username, created_at);

-- A flow that ended in "escalate": what the person taking over needs, for the ticket. Read by the
-- tickets feature by conversation; never holds a secret or a code.
create table flow_escalation (
  id               varchar(36)              primary key,
  conversation_id  varchar(36)              not null references conversation (id) on delete cascade,
  flow_id          varchar(100)             not null,
  step_id          varchar(100)             not null,
  category         varchar(64),
  priority         varchar(16),
  reason           varchar,
  -- JSON: {"answers": {question id: answer}, "actions": [{"step", "action", "outcome", "detail"}]}
  context          varchar                  not null,
  created_at       timestamp with time zone not null
);
create index flow_escalation_conversation on flow_escalation (conversation_id, created_at);
