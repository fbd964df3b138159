-- Audit rows are append-only: refuse UPDATE, DELETE and TRUNCATE at the database level.
-- Someone with DDL rights can still disable the trigger; the SM3 hash chain (verify-audit) catches that.
-- openGauss/Kingbase: plpgsql triggers and statement-level TRUNCATE triggers are supported.
CREATE OR REPLACE FUNCTION kernel_audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'kernel_audit_log is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER kernel_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON kernel_audit_log
  FOR EACH ROW EXECUTE FUNCTION kernel_audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER kernel_audit_log_no_truncate BEFORE TRUNCATE ON kernel_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kernel_audit_log_refuse_change();
