-- bowout schema, version 1. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Ids are text, timestamps are BIGINT Unix seconds, booleans are BIGINT 0/1.

CREATE TABLE invitations (
    id              TEXT PRIMARY KEY,
    employer        TEXT NOT NULL,
    agency          TEXT,
    job_title       TEXT NOT NULL,
    requisition     TEXT,
    round           BIGINT,
    phone           TEXT,
    scheduling_link TEXT,
    message_id      TEXT,
    source          TEXT,
    red_flags       TEXT NOT NULL,
    status          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    received_at     BIGINT
);
CREATE UNIQUE INDEX invitations_message_id ON invitations (message_id);

CREATE TABLE contacts (
    id             TEXT PRIMARY KEY,
    invitation_id  TEXT NOT NULL REFERENCES invitations (id),
    position       BIGINT NOT NULL,
    name           TEXT,
    email          TEXT NOT NULL,
    role           TEXT,
    is_primary     BIGINT NOT NULL,
    phone          TEXT,
    postal_address TEXT
);
CREATE INDEX contacts_invitation ON contacts (invitation_id);

-- The facts behind the latest advice; replaced when the user advises again.
CREATE TABLE facts (
    invitation_id TEXT PRIMARY KEY REFERENCES invitations (id),
    gut           TEXT NOT NULL,
    facts_json    TEXT NOT NULL,
    recorded_at   BIGINT NOT NULL
);

CREATE TABLE referrals (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    email           TEXT NOT NULL,
    phone           TEXT,
    work_domain     TEXT,
    permission_date TEXT NOT NULL,
    permission_how  TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE decisions (
    invitation_id TEXT PRIMARY KEY REFERENCES invitations (id),
    verdict       TEXT NOT NULL,
    reason        TEXT,
    referral_id   TEXT REFERENCES referrals (id),
    interview_at  BIGINT,
    interview_tz  TEXT,
    decided_at    BIGINT NOT NULL
);

-- The current drafts of an invitation, one per contact; replaced by a new decision.
CREATE TABLE drafts (
    id            TEXT PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    contact_id    TEXT NOT NULL REFERENCES contacts (id),
    position      BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    to_name       TEXT,
    to_email      TEXT NOT NULL,
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX drafts_invitation ON drafts (invitation_id);

-- The outbox: every message bowout sends, with its state and its archived copy.
-- status: queued | sending | sent | failed | unknown
CREATE TABLE messages (
    id              TEXT PRIMARY KEY,
    invitation_id   TEXT NOT NULL REFERENCES invitations (id),
    contact_id      TEXT NOT NULL REFERENCES contacts (id),
    kind            TEXT NOT NULL,
    message_id      TEXT NOT NULL,
    to_name         TEXT,
    to_email        TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        BIGINT NOT NULL,
    last_error      TEXT,
    copy_path       TEXT,
    sha256          TEXT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    acknowledged_at BIGINT,
    ack_message_id  TEXT
);
CREATE UNIQUE INDEX messages_message_id ON messages (message_id);
CREATE INDEX messages_invitation ON messages (invitation_id);

-- The append-only timeline. seq orders events within an invitation.
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    seq           BIGINT NOT NULL,
    at            BIGINT NOT NULL,
    kind          TEXT NOT NULL,
    detail        TEXT NOT NULL
);
CREATE UNIQUE INDEX events_invitation_seq ON events (invitation_id, seq);
