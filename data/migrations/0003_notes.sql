-- Notes: the delegate's own annotations and colleagues' notes imported
-- from .briefnotes files. There is deliberately no foreign key into the
-- corpus tables: a corpus re-import replaces those as a whole and must
-- never cascade into a note. A note names its resolution by number and its
-- clause by stable ID; readers LEFT JOIN to find the ones whose clause is
-- gone or whose text changed (NeedsReanchor). Notes are never deleted,
-- only tombstoned (deleted = 1), so deletions travel in exports.
CREATE TABLE notes (
  id                TEXT PRIMARY KEY CHECK (length(id) = 36),   -- UUID, lowercase
  resolution        INTEGER NOT NULL CHECK (resolution > 0),
  clause_id         TEXT NOT NULL,                              -- '' for the whole resolution
  clause_hash       TEXT NOT NULL,                              -- app.ClauseHash of the text written against
  author_name       TEXT NOT NULL,
  author_delegation TEXT NOT NULL,
  body              TEXT NOT NULL,
  stance            TEXT NOT NULL CHECK (stance IN ('none', 'support', 'concern', 'watch')),
  priority          INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 3),
  tags              TEXT NOT NULL,                              -- JSON array of strings, in the user's order
  created           INTEGER NOT NULL,                           -- Unix milliseconds, UTC: the precision
  updated           INTEGER NOT NULL,                           -- a .briefnotes file keeps
  deleted           INTEGER NOT NULL CHECK (deleted IN (0, 1)),
  origin_file       TEXT NOT NULL,                              -- base name of the file it came from
  imported_at       INTEGER,                                    -- NULL: written here
  CHECK (clause_id <> '' OR clause_hash = ''),
  CHECK (imported_at IS NOT NULL OR origin_file = '')
) STRICT;
CREATE INDEX notes_resolution ON notes(resolution, clause_id);

-- Conflicts: an imported version of a note with the same update time as
-- ours but different content. Both are kept until the user picks one; the
-- incoming version lives here, ours stays in notes.
CREATE TABLE note_conflicts (
  id                INTEGER PRIMARY KEY,
  note              TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
  resolution        INTEGER NOT NULL,
  clause_id         TEXT NOT NULL,
  clause_hash       TEXT NOT NULL,
  author_name       TEXT NOT NULL,
  author_delegation TEXT NOT NULL,
  body              TEXT NOT NULL,
  stance            TEXT NOT NULL,
  priority          INTEGER NOT NULL,
  tags              TEXT NOT NULL,
  created           INTEGER NOT NULL,
  updated           INTEGER NOT NULL,
  deleted           INTEGER NOT NULL,
  origin_file       TEXT NOT NULL,
  imported_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX note_conflicts_note ON note_conflicts(note);
