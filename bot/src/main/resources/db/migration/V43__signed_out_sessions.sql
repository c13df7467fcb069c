-- Console sessions ended by signing out, by their token id (the JWT's jti), until the token would
-- have expired anyway. A session cookie is a signed token any instance accepts on its own; this
-- table is what makes a copy taken before sign-out useless afterwards, on every instance and
-- across restarts.
create table signed_out_session (
  token_id         varchar(64)              primary key,
  expires_at       timestamp with time zone not null
);
create index signed_out_session_expires on signed_out_session (expires_at);
