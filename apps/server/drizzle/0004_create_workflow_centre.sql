-- openGauss note: jsonb, text CHECKs and FOR UPDATE SKIP LOCKED (job pickup) are supported by openGauss 5 / Kingbase.
CREATE TABLE "workflow_calendar_day" (
	"date" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "workflow_calendar_day_kind_check" CHECK ("workflow_calendar_day"."kind" in ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "workflow_definition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"bpmn_xml" text NOT NULL,
	"model" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "workflow_definition_status_check" CHECK ("workflow_definition"."status" in ('draft','published','retired'))
);
--> statement-breakpoint
CREATE TABLE "workflow_instance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"definition_id" uuid NOT NULL,
	"business_key" text NOT NULL,
	"status" text NOT NULL,
	"state" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "workflow_instance_status_check" CHECK ("workflow_instance"."status" in ('running','completed','terminated'))
);
--> statement-breakpoint
CREATE TABLE "workflow_job" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"instance_id" uuid NOT NULL,
	"token_id" text,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "workflow_job_status_check" CHECK ("workflow_job"."status" in ('pending','done','failed'))
);
--> statement-breakpoint
CREATE TABLE "workflow_opinion" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"task_id" uuid,
	"node_id" text NOT NULL,
	"node_name" text NOT NULL,
	"action" text NOT NULL,
	"user_id" uuid,
	"user_name" text,
	"org_id" uuid,
	"opinion" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"node_id" text NOT NULL,
	"node_name" text NOT NULL,
	"assignee_id" text,
	"candidate_role" text,
	"candidate_org_id" uuid,
	"status" text NOT NULL,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"due_date" text,
	CONSTRAINT "workflow_task_status_check" CHECK ("workflow_task"."status" in ('open','completed','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "workflow_instance" ADD CONSTRAINT "workflow_instance_definition_id_workflow_definition_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."workflow_definition"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_job" ADD CONSTRAINT "workflow_job_instance_id_workflow_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_opinion" ADD CONSTRAINT "workflow_opinion_instance_id_workflow_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD CONSTRAINT "workflow_task_instance_id_workflow_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_definition_key_version_uq" ON "workflow_definition" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "workflow_instance_business_key_idx" ON "workflow_instance" USING btree ("business_key");--> statement-breakpoint
CREATE INDEX "workflow_job_due_idx" ON "workflow_job" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "workflow_opinion_instance_idx" ON "workflow_opinion" USING btree ("instance_id","at");--> statement-breakpoint
CREATE INDEX "workflow_task_instance_idx" ON "workflow_task" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "workflow_task_assignee_idx" ON "workflow_task" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "workflow_task_candidate_idx" ON "workflow_task" USING btree ("candidate_role","candidate_org_id","status");