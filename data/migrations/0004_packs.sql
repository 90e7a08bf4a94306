-- Briefing-pack definitions. Resolutions are kept by number, in the order
-- the pack prints them, with no foreign key into the corpus: a re-import
-- replaces the corpus tables as a whole and must not touch saved packs.
CREATE TABLE packs (
  name          TEXT PRIMARY KEY CHECK (name <> ''),
  title         TEXT NOT NULL,
  target        TEXT NOT NULL,
  target_label  TEXT NOT NULL,
  delegation    TEXT NOT NULL,
  author        TEXT NOT NULL,
  meeting       TEXT NOT NULL,
  date          TEXT NOT NULL,
  clauses       TEXT NOT NULL CHECK (clauses IN ('all', 'itu-d')),
  notes         TEXT NOT NULL CHECK (notes IN ('none', 'mine', 'all')),
  overview      INTEGER NOT NULL CHECK (overview IN (0, 1)),
  refs_appendix INTEGER NOT NULL CHECK (refs_appendix IN (0, 1)),
  updated       TEXT NOT NULL
) STRICT;

CREATE TABLE pack_resolutions (
  pack   TEXT NOT NULL REFERENCES packs(name) ON DELETE CASCADE ON UPDATE CASCADE,
  seq    INTEGER NOT NULL CHECK (seq >= 0),
  number INTEGER NOT NULL CHECK (number > 0),
  PRIMARY KEY (pack, seq),
  UNIQUE (pack, number)
) STRICT, WITHOUT ROWID;
