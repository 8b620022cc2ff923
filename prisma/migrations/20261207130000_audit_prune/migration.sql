-- The audit log's retention job prunes by the application's clock, not the database's: it names
-- its cutoff in a transaction-local setting, and only entries older than that cutoff may go.
-- Every other UPDATE, DELETE and TRUNCATE stays refused.
CREATE OR REPLACE FUNCTION "audit_entry_unchangeable"() RETURNS trigger AS $$
DECLARE
  cutoff text := current_setting('trofast.audit_prune_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <> '' AND OLD."at" < cutoff::timestamp(3) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'The audit log is never changed: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
