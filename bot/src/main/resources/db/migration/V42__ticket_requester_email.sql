-- "Find my tickets by email" (the my-tickets flow) looks tickets up by the requester's address,
-- which is stored in lower case.
create index ticket_requester_email_updated on ticket (requester_email, updated_at);
