-- openGauss note: plain tables, btree indexes and CHECK constraints only.
CREATE TABLE "case_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"idempotency_key" text,
	"matter_id" uuid NOT NULL,
	"matter_code" text NOT NULL,
	"matter_name" text NOT NULL,
	"matter_version_id" uuid NOT NULL,
	"matter_version_no" integer NOT NULL,
	"police_type" text,
	"applicant_type" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_no" text NOT NULL,
	"contact_phone" text,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"resume_status" text,
	"org_id" uuid NOT NULL,
	"org_name" text,
	"created_by" uuid,
	"accepted_by" uuid,
	"situation_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"form_key" text,
	"form_version_id" uuid,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"process_key" text,
	"workflow_instance_id" uuid,
	"limit_days" integer,
	"sla_start_date" text,
	"sla_deadline" text,
	"sla_status" text DEFAULT 'none' NOT NULL,
	"sla_paused_days" integer DEFAULT 0 NOT NULL,
	"sla_warned_at" timestamp with time zone,
	"sla_overdue_notified_at" timestamp with time zone,
	"result" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_application_status_check" CHECK ("case_application"."status" in ('submitted','pre_review','supplement','tolerated','returned','accepted','not_accepted','approving','special_procedure','concluded','withdrawn')),
	CONSTRAINT "case_application_sla_status_check" CHECK ("case_application"."sla_status" in ('none','running','warning','overdue','paused','stopped')),
	CONSTRAINT "case_application_applicant_type_check" CHECK ("case_application"."applicant_type" in ('natural_person','legal_person')),
	CONSTRAINT "case_application_result_check" CHECK ("case_application"."result" is null or "case_application"."result" in ('approved','disapproved'))
);
--> statement-breakpoint
CREATE TABLE "case_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"user_id" uuid,
	"user_name" text,
	"org_id" uuid,
	"org_name" text,
	"opinion" text DEFAULT '' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_material" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"material_code" text NOT NULL,
	"name" text NOT NULL,
	"file_id" uuid,
	"sha256" text,
	"sm3" text,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_material_status_check" CHECK ("case_material"."status" in ('provided','tolerated_missing','supplemented'))
);
--> statement-breakpoint
CREATE TABLE "case_pause" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text,
	CONSTRAINT "case_pause_kind_check" CHECK ("case_pause"."kind" in ('supplement','special_procedure'))
);
--> statement-breakpoint
ALTER TABLE "case_history" ADD CONSTRAINT "case_history_case_id_case_application_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_case_id_case_application_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_material" ADD CONSTRAINT "case_material_case_id_case_application_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_pause" ADD CONSTRAINT "case_pause_case_id_case_application_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_application_case_no_uq" ON "case_application" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "case_application_idempotency_uq" ON "case_application" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "case_application_org_status_idx" ON "case_application" USING btree ("org_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "case_application_matter_idx" ON "case_application" USING btree ("matter_code","submitted_at");--> statement-breakpoint
CREATE INDEX "case_application_submitted_idx" ON "case_application" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "case_application_applicant_idx" ON "case_application" USING btree ("applicant_id_no");--> statement-breakpoint
CREATE INDEX "case_application_sla_idx" ON "case_application" USING btree ("sla_status","sla_deadline");--> statement-breakpoint
CREATE INDEX "case_application_instance_idx" ON "case_application" USING btree ("workflow_instance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_history_case_seq_uq" ON "case_history" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_link_uq" ON "case_link" USING btree ("case_id","kind","ref_id");--> statement-breakpoint
CREATE INDEX "case_material_case_idx" ON "case_material" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_pause_case_idx" ON "case_pause" USING btree ("case_id");