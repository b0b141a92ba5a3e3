-- bowout schema, version 9: greeting each contact as the invitation did, and answering in
-- the invitation's thread.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- How the invitation greeted or signed, when it showed it: greeting is the name to greet the
-- contact by ("Dr. Whitcombe", "Karen"); greeting_formal is 1 for "Dear …," and 0 for
-- "Hi …,". Both NULL: formally, by the contact's full name.
ALTER TABLE contacts ADD COLUMN greeting TEXT;
ALTER TABLE contacts ADD COLUMN greeting_formal BIGINT;

-- The invitation mail's References: its Message-IDs without angle brackets, oldest first,
-- separated by spaces (NULL when it had none, or did not come from mail). An answer's
-- References header is these followed by the invitation's own Message-ID.
ALTER TABLE invitations ADD COLUMN mail_references TEXT;
