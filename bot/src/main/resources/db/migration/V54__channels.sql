-- Channels: the same conversations reached from chat platforms (Slack) as well as the widget.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (the embedded default).

-- Where a conversation came from; analytics splits by it. Every existing one came from the widget.
alter table conversation add column channel varchar(20) default 'widget' not null;
create index conversation_channel_created on conversation (channel, created_at);

-- A platform's thread (or direct-message channel) and user, and the conversation it is.
-- id: channel, then the platform's key (team, channel, thread, user), so a thread maps once.
create table channel_conversation (
  id               varchar(400)             primary key,
  channel          varchar(20)              not null,
  conversation_id  varchar(36)              not null unique references conversation (id) on delete cascade,
  reply_to         varchar(400)             not null,
  user_id          varchar(100)             not null,
  user_name        varchar(200),
  email            varchar(320),
  created_at       timestamp with time zone not null
);

-- Events a platform delivered, so a retry of one (same event id) is answered once.
create table channel_event (
  id           varchar(250)             primary key,
  received_at  timestamp with time zone not null
);
create index channel_event_received on channel_event (received_at);

-- One-time links to the page that takes a password or code outside the chat platform. Only the
-- link token's hash is kept; the secret itself is never stored.
create table secret_link (
  token_hash       varchar(64)              primary key,
  conversation_id  varchar(36)              not null references conversation (id) on delete cascade,
  channel          varchar(20)              not null,
  input_type       varchar(10)              not null,
  prompt           varchar(2000)            not null,
  created_at       timestamp with time zone not null,
  expires_at       timestamp with time zone not null,
  used_at          timestamp with time zone
);
create index secret_link_expires on secret_link (expires_at);
