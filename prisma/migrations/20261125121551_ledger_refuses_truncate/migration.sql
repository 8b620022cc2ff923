-- The points ledger is append-only (see the init migration's "points_entry_append_only"). Its row
-- trigger never fires for TRUNCATE, which empties a table without touching rows: refuse that too.
CREATE TRIGGER "points_entry_no_truncate"
  BEFORE TRUNCATE ON "PointsEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "points_entry_append_only"();
