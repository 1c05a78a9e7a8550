-- When a scenario was deleted: deleted scenarios stay in the workspace (a trash) for 30 days, so a deletion is
-- never lost to a restart; older ones are removed at start.
ALTER TABLE scenario ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
UPDATE scenario SET deleted_at = CURRENT_TIMESTAMP WHERE deleted = TRUE;
