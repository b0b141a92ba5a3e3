-- bowout schema, version 11: the language each invitation is answered in.
-- Portable SQL: the same file runs on SQLite and PostgreSQL.

-- An ISO 639-1 code (en, fr, de, es, pt, it): detected from the invitation's text at import,
-- or given with `add --lang`, changed with `edit --lang`, `decline --lang` or `accept --lang`.
-- Invitations recorded before this version are English, as their drafts were.
ALTER TABLE invitations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
