-- Fixed-window counters shared by every instance: emailed codes per person, code guesses across
-- all accounts, tickets per address and per requester. One row per counter; a use is one
-- conditional update of that row, so concurrent requests cannot both take the last use.
create table usage_window (
  name             varchar(300)             primary key,
  window_start     timestamp with time zone not null,
  used             integer                  not null
);
create index usage_window_start on usage_window (window_start);
