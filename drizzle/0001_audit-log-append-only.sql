-- The audit log is append-only: refuse UPDATE, DELETE and TRUNCATE at the database, so no code
-- path (nor a mistaken query) can rewrite what happened.
CREATE OR REPLACE FUNCTION platform_audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'platform_audit_log is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_update_delete
	BEFORE UPDATE OR DELETE ON platform_audit_log
	FOR EACH ROW EXECUTE FUNCTION platform_audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER platform_audit_log_no_truncate
	BEFORE TRUNCATE ON platform_audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_refuse_change();
