-- Coach mode's accounts, schema version 1 (in the schema `bowout_accounts`; each user's
-- records are in a schema of their own, `bowout_u_<user id>`, with the tables of
-- migrations/). Portable SQL: ids are text, timestamps BIGINT Unix seconds.

-- role: seeker | coach | admin. password_hash: an argon2id PHC string.
-- deleted_at: set when the account was removed; its sessions and tokens stop working.
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    full_name     TEXT,
    email         TEXT,
    created_at    BIGINT NOT NULL,
    deleted_at    BIGINT
);
CREATE UNIQUE INDEX users_name ON users (name);

-- API tokens: only the SHA-256 of the token (hex) is kept.
CREATE TABLE api_tokens (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    created_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Which seekers a coach guides.
CREATE TABLE assignments (
    coach_id    TEXT NOT NULL REFERENCES users (id),
    seeker_id   TEXT NOT NULL REFERENCES users (id),
    assigned_at BIGINT NOT NULL,
    PRIMARY KEY (coach_id, seeker_id)
);
CREATE INDEX assignments_seeker ON assignments (seeker_id);

-- Signed-in browsers: the SHA-256 of the session cookie (hex), the session's CSRF token,
-- when it ends, and the seeker a coach is looking at (NULL: none).
CREATE TABLE sessions (
    session_hash TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id),
    csrf         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    viewing      TEXT REFERENCES users (id)
);
CREATE INDEX sessions_user ON sessions (user_id);

-- The audit log: append-only (nothing updates or deletes a row). user_id: whom the entry
-- concerns (NULL for a sign-in under an unknown name); actor: who did it.
-- kind: login | login-failed | logout | token-created | token-revoked | token-used |
--       user-added | role-changed | assigned | send | delete | export | secret-set | keys-rotated
CREATE TABLE audit (
    id       TEXT PRIMARY KEY,
    at       BIGINT NOT NULL,
    user_id  TEXT,
    actor    TEXT,
    kind     TEXT NOT NULL,
    detail   TEXT NOT NULL,
    address  TEXT
);
CREATE INDEX audit_user_at ON audit (user_id, at);
CREATE INDEX audit_at ON audit (at);

-- A coach's notes on a seeker's invitation, and drafts the coach suggests (kind: note |
-- draft; a draft names the contact's address it is for).
CREATE TABLE notes (
    id            TEXT PRIMARY KEY,
    seeker_id     TEXT NOT NULL REFERENCES users (id),
    invitation_id TEXT NOT NULL,
    coach_id      TEXT NOT NULL REFERENCES users (id),
    kind          TEXT NOT NULL,
    to_email      TEXT,
    body          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX notes_seeker_invitation ON notes (seeker_id, invitation_id, created_at);

-- Per-user mail passwords, encrypted (XChaCha20-Poly1305) under the server key key_id;
-- nonce and ciphertext are base64. name: smtp | imap.
CREATE TABLE secrets (
    user_id    TEXT NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    key_id     TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    ciphertext TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, name)
);
