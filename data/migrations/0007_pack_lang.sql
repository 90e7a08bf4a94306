-- A pack's language (its headings, labels, dates and bookmarks; '' is the
-- interface language when printing) and two optional parts: the checklist
-- "What ITU-D is asked to do" and clause IDs in the margin.
ALTER TABLE packs ADD COLUMN lang TEXT NOT NULL DEFAULT '' CHECK (lang IN ('', 'zh', 'en'));
ALTER TABLE packs ADD COLUMN checklist INTEGER NOT NULL DEFAULT 0 CHECK (checklist IN (0, 1));
ALTER TABLE packs ADD COLUMN clause_ids INTEGER NOT NULL DEFAULT 0 CHECK (clause_ids IN (0, 1));
