-- bowout schema, version 3: closing the loop after the declines are sent.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- Follow-up calls as logged. No row means the first call is still due (the next business
-- day after the first decline was sent). outcome: reached | voicemail | no-answer.
-- next_due (YYYY-MM-DD, the user's calendar) is set when the call has to be tried again.
CREATE TABLE calls (
    id            TEXT PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    outcome       TEXT NOT NULL,
    note          TEXT,
    called_at     BIGINT NOT NULL,
    next_due      TEXT
);
CREATE INDEX calls_invitation ON calls (invitation_id);

-- Replies already taken into account, so that reading the same mail again (a second file
-- run, an IMAP resync after a UIDVALIDITY change) never records anything twice.
-- reply_key: the reply's Message-ID, or sha256:<hex> of its header when it has none.
-- kind: receipt | auto-reply
CREATE TABLE replies (
    reply_key     TEXT PRIMARY KEY,
    message_id    TEXT NOT NULL REFERENCES messages (id),
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    kind          TEXT NOT NULL,
    sender        TEXT NOT NULL,
    subject       TEXT NOT NULL,
    received_at   BIGINT NOT NULL,
    source        TEXT NOT NULL,
    recorded_at   BIGINT NOT NULL
);
CREATE INDEX replies_message ON replies (message_id);

-- IMAP high-water marks: per account and mailbox, the UIDVALIDITY seen and the highest UID
-- read, so that each sync reads only new mail.
CREATE TABLE imap_sync (
    account      TEXT NOT NULL,
    mailbox      TEXT NOT NULL,
    uid_validity BIGINT NOT NULL,
    last_uid     BIGINT NOT NULL,
    synced_at    BIGINT NOT NULL,
    PRIMARY KEY (account, mailbox)
);
