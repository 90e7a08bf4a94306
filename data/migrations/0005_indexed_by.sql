-- Which tokenizer and search-document versions built the search index
-- (data.indexVersion). Open rebuilds an index built by older ones from the
-- stored rows, so a new BriefDesk finds what its search promises without
-- a re-import. The default is what every BriefDesk before this column
-- indexed with.
ALTER TABLE corpus_source ADD COLUMN indexed_by TEXT NOT NULL DEFAULT 'tokenize v2, search v1';
