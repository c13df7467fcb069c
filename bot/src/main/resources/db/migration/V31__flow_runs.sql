-- Guided fix runs for analytics: one row per run, updated every turn, kept after the run ends
-- (flow_state only holds runs in progress). Portable SQL: PostgreSQL and H2 in PostgreSQL mode.
create table flow_run (
  id               varchar(36)              primary key,
  conversation_id  varchar(36)              not null references conversation (id) on delete cascade,
  flow_id          varchar(100)             not null,
  -- JSON array of the step ids reached, in order: the funnel.
  steps            varchar                  not null,
  -- The step the run waits on, or the one it ended at.
  step_id          varchar(100)             not null,
  -- running, resolved, escalated or cancelled.
  outcome          varchar(16)              not null,
  actions_ok       integer                  not null,
  actions_failed   integer                  not null,
  -- SHA-256 of the lower-cased email address the fix asked for, to recognise a user coming back;
  -- never the address itself.
  user_key         varchar(64),
  started_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null
);
create index flow_run_conversation on flow_run (conversation_id, started_at);
create index flow_run_started on flow_run (started_at);
