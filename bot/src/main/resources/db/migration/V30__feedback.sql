-- Users' ratings and article page views, for the ranking prior and the agents' analytics.
-- Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (the embedded default).

-- One vote per conversation and rated item; voting again changes the row. The conversation is the
-- only identity a chat user has, so "one vote per user per item" is one per conversation.
create table feedback (
  id               varchar(36)              primary key,
  conversation_id  varchar(36)              not null references conversation (id) on delete cascade,
  -- What was rated: 'message:<message id>' or 'article:<article id>'.
  item             varchar(300)             not null,
  -- The rated bot message, when the vote came from one (also kept for an article rated in a reply).
  message_id       varchar(36),
  -- The article the vote counts for in the ranking prior: the one rated, or the article a rated
  -- answer offered; null for a reply that offered none (a flow step, small talk).
  article_id       varchar(200),
  vote             varchar(4)               not null,
  reason           varchar(32),
  created_at       timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  constraint feedback_conversation_item unique (conversation_id, item)
);
create index feedback_article on feedback (article_id);
create index feedback_updated on feedback (updated_at);

-- Article pages read (GET /kb/<id>), one row a view, for "views" per article. No user identity.
create table article_view (
  id               varchar(36)              primary key,
  article_id       varchar(200)             not null,
  viewed_at        timestamp with time zone not null
);
create index article_view_viewed on article_view (viewed_at, article_id);
