-- bowout schema, version 8: where and how long an accepted interview is, and interviews
-- called off, so that calendars that imported them remove them.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- interview_minutes: the duration (NULL in older rows: 60). interview_location: one line.
-- interview_video_link: an http(s) URL, one line.
ALTER TABLE decisions ADD COLUMN interview_minutes BIGINT;
ALTER TABLE decisions ADD COLUMN interview_location TEXT;
ALTER TABLE decisions ADD COLUMN interview_video_link TEXT;

-- An accepted interview whose time was known and that the decision no longer holds (the
-- user declined after all, or accepted again without a time): the calendar writes it as
-- STATUS:CANCELLED under its UID for 30 days after cancelled_at. sequence is the SEQUENCE
-- the cancellation is written with; an interview accepted again is written with a higher
-- one, so that calendars take it back.
CREATE TABLE cancelled_interviews (
    invitation_id        TEXT PRIMARY KEY REFERENCES invitations (id),
    interview_at         BIGINT NOT NULL,
    interview_minutes    BIGINT NOT NULL,
    interview_location   TEXT,
    interview_video_link TEXT,
    sequence             BIGINT NOT NULL,
    cancelled_at         BIGINT NOT NULL
);
