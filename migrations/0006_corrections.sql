-- bowout schema, version 6: correcting and removing records.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- invitations.status may now be `dismissed` (off the list and the agenda, history kept).
-- dismissed_reason: duplicate | not-an-invitation | withdrawn, while dismissed.
-- status_before_dismissal: the status `undismiss` brings it back to.
ALTER TABLE invitations ADD COLUMN dismissed_reason TEXT;
ALTER TABLE invitations ADD COLUMN status_before_dismissal TEXT;

-- Why the invitation's drafts no longer match it (an edit, a contact or a referral changed
-- after they were written), or NULL while they do. `send` refuses stale drafts; the next
-- decline or accept rewrites them and clears this.
ALTER TABLE invitations ADD COLUMN drafts_stale TEXT;
