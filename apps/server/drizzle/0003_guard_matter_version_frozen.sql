-- A matter version is frozen once it leaves draft: cases hold its id and must read back exactly what they
-- started with. Refuse content changes to submitted, published and retired versions, moves back out of
-- published/retired, and any DELETE. Only status and the review/publish/retire stamps may change.
-- openGauss/Kingbase: plpgsql row triggers and IS DISTINCT FROM on jsonb and text[] are supported.
CREATE OR REPLACE FUNCTION matter_version_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'matter_version rows are never deleted (cases refer to them)';
  END IF;
  IF OLD.status = 'retired' AND NEW.status <> 'retired'
     OR OLD.status = 'published' AND NEW.status NOT IN ('published', 'retired') THEN
    RAISE EXCEPTION 'matter_version %: % -> % refused', OLD.id, OLD.status, NEW.status;
  END IF;
  IF OLD.status <> 'draft' AND (
       NEW.matter_id IS DISTINCT FROM OLD.matter_id OR NEW.implementing_id IS DISTINCT FROM OLD.implementing_id
    OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR NEW.org_id IS DISTINCT FROM OLD.org_id
    OR NEW.version_no IS DISTINCT FROM OLD.version_no OR NEW.source_version_id IS DISTINCT FROM OLD.source_version_id
    OR NEW.base_version_id IS DISTINCT FROM OLD.base_version_id OR NEW.name IS DISTINCT FROM OLD.name
    OR NEW.police_type IS DISTINCT FROM OLD.police_type OR NEW.category IS DISTINCT FROM OLD.category
    OR NEW.matter_type IS DISTINCT FROM OLD.matter_type OR NEW.handling_modes IS DISTINCT FROM OLD.handling_modes
    OR NEW.applicant_types IS DISTINCT FROM OLD.applicant_types OR NEW.channels IS DISTINCT FROM OLD.channels
    OR NEW.zones IS DISTINCT FROM OLD.zones OR NEW.needs_approval IS DISTINCT FROM OLD.needs_approval
    OR NEW.is_online IS DISTINCT FROM OLD.is_online OR NEW.is_offline IS DISTINCT FROM OLD.is_offline
    OR NEW.legal_basis IS DISTINCT FROM OLD.legal_basis OR NEW.conditions IS DISTINCT FROM OLD.conditions
    OR NEW.fee_fen IS DISTINCT FROM OLD.fee_fen OR NEW.fee_note IS DISTINCT FROM OLD.fee_note
    OR NEW.statutory_limit_days IS DISTINCT FROM OLD.statutory_limit_days
    OR NEW.promised_limit_days IS DISTINCT FROM OLD.promised_limit_days OR NEW.visits IS DISTINCT FROM OLD.visits
    OR NEW.materials IS DISTINCT FROM OLD.materials OR NEW.situations IS DISTINCT FROM OLD.situations
    OR NEW.guide IS DISTINCT FROM OLD.guide OR NEW.bindings IS DISTINCT FROM OLD.bindings
    OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.updated_by IS DISTINCT FROM OLD.updated_by
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
  ) THEN
    RAISE EXCEPTION 'matter_version % is % and its content is frozen', OLD.id, OLD.status;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER matter_version_frozen BEFORE UPDATE OR DELETE ON matter_version
  FOR EACH ROW EXECUTE FUNCTION matter_version_guard();
