-- The corpus: everything parsed from the source document. Import replaces
-- these tables as a whole, so nothing outside them may hold a foreign key
-- into them: notes and packs name resolutions by number and clauses by ID
-- and LEFT JOIN to find the ones that are gone (data/corpus_test.go checks).

-- The one imported document, with the counts Check compares against.
-- content_hash covers the parsed corpus and the tokenizer version, so a
-- re-import of the same text is a no-op and a better parser still re-imports.
CREATE TABLE corpus_source (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  name         TEXT NOT NULL,
  fingerprint  TEXT NOT NULL,
  title        TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  resolutions  INTEGER NOT NULL,
  clauses      INTEGER NOT NULL,
  footnotes    INTEGER NOT NULL,
  refs         INTEGER NOT NULL,
  passages     INTEGER NOT NULL,
  imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE overview_sections (
  seq   INTEGER PRIMARY KEY,
  title TEXT NOT NULL
) STRICT;

CREATE TABLE overview_paragraphs (
  section INTEGER NOT NULL REFERENCES overview_sections(seq) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  text    TEXT NOT NULL,
  bullet  INTEGER NOT NULL CHECK (bullet IN (0, 1)),
  PRIMARY KEY (section, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE resolutions (
  number       INTEGER PRIMARY KEY CHECK (number > 0),
  status       TEXT NOT NULL CHECK (status IN ('new', 'revised', 'unchanged')),
  title        TEXT NOT NULL,
  title_table1 TEXT NOT NULL,
  summary      TEXT NOT NULL
) STRICT;

-- id is the stable structural ID ("44/instructs/9") notes anchor to; its
-- PRIMARY KEY index serves their LEFT JOINs.
CREATE TABLE clauses (
  id         TEXT PRIMARY KEY,
  resolution INTEGER NOT NULL REFERENCES resolutions(number) ON DELETE CASCADE,
  seq        INTEGER NOT NULL CHECK (seq >= 0),
  section    TEXT NOT NULL,
  heading    TEXT NOT NULL,
  addressee  TEXT NOT NULL,
  label      TEXT NOT NULL,
  depth      INTEGER NOT NULL CHECK (depth >= 0),
  text       TEXT NOT NULL,
  UNIQUE (resolution, seq)
) STRICT;

-- anchor is 'title' or a clause ID of the same resolution.
CREATE TABLE footnotes (
  resolution INTEGER NOT NULL REFERENCES resolutions(number) ON DELETE CASCADE,
  n          INTEGER NOT NULL,
  anchor     TEXT NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (resolution, n)
) STRICT, WITHOUT ROWID;

-- clause_id is '' for a reference in the title or summary, so it cannot
-- be a foreign key; Import validates it and Check re-checks it.
CREATE TABLE refs (
  resolution INTEGER NOT NULL REFERENCES resolutions(number) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  key        TEXT NOT NULL,
  edition    TEXT NOT NULL,
  clause_id  TEXT NOT NULL,
  text       TEXT NOT NULL,
  PRIMARY KEY (resolution, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX refs_key ON refs(key, resolution);

-- Searchable passages: a resolution's titles, summary, clauses and
-- footnotes, each as the space-separated terms of data/tokenize (body).
-- kind: 0 title, 1 Table 1 title, 2 summary, 3 clause, 4 footnote; title
-- kinds rank first. clause_id is the clause (or the clause a footnote is
-- anchored to), footnote the footnote's number. The original text stays
-- in the tables above: snippets show it, not the terms.
CREATE TABLE passages (
  id         INTEGER PRIMARY KEY,
  resolution INTEGER NOT NULL REFERENCES resolutions(number) ON DELETE CASCADE,
  kind       INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 4),
  clause_id  TEXT NOT NULL,
  footnote   INTEGER,
  body       TEXT NOT NULL
) STRICT;
CREATE INDEX passages_resolution ON passages(resolution);

-- External content: FTS5 keeps only the index, and 'integrity-check' with
-- rank 1 can compare it with passages. tokenchars keeps ITU-D, E.161.1 and
-- 3/2 whole (tokenize.FTS5Tokenizer; a test checks they agree). prefix='1'
-- indexes one-character prefixes, which is what a one-character Chinese
-- query asks for.
CREATE VIRTUAL TABLE search USING fts5(
  body,
  content = 'passages',
  content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'",
  prefix = '1'
);
