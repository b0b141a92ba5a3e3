-- bowout schema, version 4: the formal letter sent by registered mail.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- One letter per invitation, to its primary contact. rendered_at/sha256 describe the last
-- PDF written; mailed_on, tracking and receipt_on are the user's calendar dates
-- (YYYY-MM-DD) and the carrier's tracking number, as the user recorded them.
CREATE TABLE letters (
    invitation_id TEXT PRIMARY KEY REFERENCES invitations (id),
    rendered_at   BIGINT,
    sha256        TEXT,
    mailed_on     TEXT,
    tracking      TEXT,
    receipt_on    TEXT,
    updated_at    BIGINT NOT NULL
);
