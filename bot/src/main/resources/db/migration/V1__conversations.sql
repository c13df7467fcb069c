-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (the embedded default).
create table conversation (
  id                varchar(36)              primary key,
  token_hash        varchar(64)              not null,
  created_at        timestamp with time zone not null,
  updated_at        timestamp with time zone not null,
  no_answer_streak  integer                  not null,
  message_count     integer                  not null
);

create table chat_message (
  id               varchar(36)              primary key,
  conversation_id  varchar(36)              not null references conversation (id) on delete cascade,
  seq              integer                  not null,
  sender           varchar(8)               not null,
  reply_type       varchar(16),
  body             varchar                  not null,
  payload          varchar,
  created_at       timestamp with time zone not null,
  -- One position per conversation; also the index the transcript is read by.
  constraint chat_message_conversation_seq unique (conversation_id, seq)
);
