-- Request Tracker's ticket for each of ours delivered there, and how far its history was read.
-- Portable SQL: PostgreSQL and H2 in PostgreSQL mode.
create table rt_ticket (
  ticket_id         varchar(36)              primary key references ticket (id) on delete cascade,
  rt_id             bigint                   not null unique,
  -- The highest RT transaction id already read: the next poll asks only for newer ones.
  seen_transaction  bigint                   not null,
  created_at        timestamp with time zone not null
);
