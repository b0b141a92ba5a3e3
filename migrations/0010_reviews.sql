-- bowout schema, version 10: messages the classifier was unsure about, and the user's answers.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.
--
-- review_key: the message's Message-ID, or sha256:<hex> of its bytes when it has none.
-- analysis: what the classifier extracted, as JSON, so that a confirmed invitation is recorded
--   with its fields even when the mail is no longer at hand.
-- score_permille: the calibrated probability of an invitation, in thousandths.
-- answer: NULL until the user answers; then invitation | other | scam.
CREATE TABLE reviews (
    review_key     TEXT PRIMARY KEY,
    source         TEXT NOT NULL,
    subject        TEXT,
    sender         TEXT,
    score_permille BIGINT NOT NULL,
    analysis       TEXT NOT NULL,
    found_at       BIGINT NOT NULL,
    answer         TEXT,
    answered_at    BIGINT,
    invitation_id  TEXT
);
CREATE INDEX reviews_answer ON reviews (answer);
