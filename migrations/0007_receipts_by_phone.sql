-- bowout schema, version 7: a receipt confirmed on the phone.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- How a decline's receipt was confirmed, once acknowledged_at is set: email (a reply,
-- named by ack_message_id) or phone (during a follow-up call, at the call's time).
ALTER TABLE messages ADD COLUMN acknowledged_via TEXT;
UPDATE messages SET acknowledged_via = 'email' WHERE acknowledged_at IS NOT NULL;
