-- bowout schema, version 2: the outbox holds at most one message per contact and kind, so two
-- `bowout send` runs can never queue two different messages to the same person.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
--
-- messages.status, as the send path uses it:
--   queued    stored with its Message-ID, not yet handed to a server
--   sending   claimed by a running `send`; found here by a later run it becomes `unknown`
--   sent      the server accepted it (or the user confirmed it was sent)
--   failed    the server refused it or could not be reached: certainly not delivered
--   unknown   the hand-over was interrupted: it may have been delivered; never resent on its own
--   exported  written as an .eml file for the user's own mail client (--eml-dir)
--   cancelled drafted once, but no longer part of the decision; never sent

CREATE UNIQUE INDEX messages_contact_kind ON messages (invitation_id, contact_id, kind);
