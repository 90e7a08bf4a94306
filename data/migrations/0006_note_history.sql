-- Three-way merge of .briefnotes files (app.Merge): every note keeps the
-- revisions (app.Note.Revision) of its exchanged versions that it
-- descends from, and so does an incoming version waiting as a conflict.
-- Space-separated, oldest first, at most app.HistoryLimit. Notes written
-- before this column have none; the merge then falls back to what it did
-- before (see docs/briefnotes.md, "Files and notes without histories").
ALTER TABLE notes ADD COLUMN history TEXT NOT NULL DEFAULT '';
ALTER TABLE note_conflicts ADD COLUMN history TEXT NOT NULL DEFAULT '';
