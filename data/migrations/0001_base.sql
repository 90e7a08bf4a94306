-- Small key/value settings: the author's name and delegation, UI language.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
