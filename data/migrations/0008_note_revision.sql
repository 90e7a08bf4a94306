-- Revisions that name versions, not content (app.NewRevision): the note's
-- current revision(s), and those of an incoming version waiting as a
-- conflict. Space-separated, like history. Empty, as for every note
-- stored before this column, means the content's hash (app.Note.ContentHash),
-- which was a version's revision until then, so that the histories
-- already kept and exchanged still name these versions.
ALTER TABLE notes ADD COLUMN revision TEXT NOT NULL DEFAULT '';
ALTER TABLE note_conflicts ADD COLUMN revision TEXT NOT NULL DEFAULT '';
