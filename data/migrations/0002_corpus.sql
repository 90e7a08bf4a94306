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

-- search_hash is a hash of the terms indexed for the resolution: the
-- search index keeps no text, so Check re-derives the terms from the text
-- here and compares, which catches text changed behind the index's back.
CREATE TABLE resolutions (
  number       INTEGER PRIMARY KEY CHECK (number > 0),
  status       TEXT NOT NULL CHECK (status IN ('new', 'revised', 'unchanged')),
  title        TEXT NOT NULL,
  title_table1 TEXT NOT NULL,
  summary      TEXT NOT NULL,
  search_hash  TEXT NOT NULL
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

-- The search index: one document per resolution (rowid = its number), the
-- titles in one column and the summary, clauses and footnotes in the
-- other, as the space-separated terms of data/tokenize with a boundary term
-- between texts. One document per resolution, not per clause, because
-- bm25 costs a few microseconds per matching row and a common word would
-- otherwise match every clause; the best clause is found afterwards among
-- the few resolutions shown.
--
-- Contentless: the terms are stored nowhere else, which keeps a large
-- corpus a third smaller; snippets come from the original text above.
-- tokenchars keeps ITU-D, E.161.1 and 3/2 whole (tokenize.FTS5Tokenizer;
-- a test checks they agree). prefix='1' indexes one-character prefixes,
-- which is what a one-character Chinese query asks for.
CREATE VIRTUAL TABLE search USING fts5(
  title,
  body,
  content = '',
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-./'",
  prefix = '1'
);
