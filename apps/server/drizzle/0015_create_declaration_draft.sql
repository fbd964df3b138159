-- 网上申报草稿 (表单暂存): drafts kept on the server so applicants resume on any device.
-- openGauss note: plain table, jsonb, text CHECKs and a btree index.
CREATE TABLE "declaration_draft" (
	"id" uuid PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"applicant_type" text NOT NULL,
	"applicant_id_no" text NOT NULL,
	"applicant_name" text NOT NULL,
	"matter_code" text NOT NULL,
	"matter_name" text NOT NULL,
	"situation_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"org_id" uuid,
	"contact_phone" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"case_id" uuid,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "declaration_draft_status_check" CHECK ("declaration_draft"."status" in ('draft','submitted')),
	CONSTRAINT "declaration_draft_applicant_type_check" CHECK ("declaration_draft"."applicant_type" in ('natural_person','legal_person'))
);
--> statement-breakpoint
CREATE INDEX "declaration_draft_owner_idx" ON "declaration_draft" USING btree ("citizen_id","applicant_id_no","status","updated_at");