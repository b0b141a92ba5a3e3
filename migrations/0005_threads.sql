-- Later messages of an invitation's thread (a second-round invitation in reply to the
-- first): recorded so that a re-import knows them and a fourth message can thread on a third.
CREATE TABLE thread_messages (
    message_id    TEXT PRIMARY KEY,
    invitation_id TEXT NOT NULL REFERENCES invitations (id),
    round         BIGINT,
    source        TEXT,
    linked_at     BIGINT NOT NULL
);
CREATE INDEX thread_messages_invitation ON thread_messages (invitation_id);
