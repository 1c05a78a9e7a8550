-- A checksum of each scenario's document: H2 checks its page headers, not what a page holds, so a flipped byte
-- inside a document would otherwise be read back as a different scenario. Rows saved before this are checked from
-- their next save on.
ALTER TABLE scenario ADD COLUMN document_sha256 VARCHAR(64);
