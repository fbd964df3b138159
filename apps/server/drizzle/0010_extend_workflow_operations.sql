-- Workflow task operations (委派 owner, 加签, 催办, SLA notice stamps), suspension periods and 抄送.
-- openGauss note: ADD COLUMN with a constant DEFAULT, a text CHECK, interval arithmetic on timestamptz and
-- SELECT … FOR UPDATE OF <table> SKIP LOCKED (SLA notices) are supported by openGauss 5 / Kingbase.
CREATE TABLE "workflow_cc" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"task_id" uuid,
	"node_name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"from_user_id" uuid,
	"from_user_name" text,
	"opinion" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_suspension" (
	"id" uuid PRIMARY KEY NOT NULL,
	"instance_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"suspended_at" timestamp with time zone NOT NULL,
	"suspended_by" uuid,
	"from_date" text NOT NULL,
	"resumed_at" timestamp with time zone,
	"resumed_by" uuid,
	"to_date" text
);
--> statement-breakpoint
ALTER TABLE "workflow_instance" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "workflow_instance" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workflow_instance" ADD COLUMN "suspend_reason" text;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "parent_task_id" uuid;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "sign_kind" text;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "blocked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workflow_task" ADD COLUMN "overdue_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workflow_cc" ADD CONSTRAINT "workflow_cc_instance_id_workflow_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_suspension" ADD CONSTRAINT "workflow_suspension_instance_id_workflow_instance_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workflow_cc_user_idx" ON "workflow_cc" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_cc_instance_idx" ON "workflow_cc" USING btree ("instance_id");--> statement-breakpoint
CREATE INDEX "workflow_suspension_instance_idx" ON "workflow_suspension" USING btree ("instance_id","suspended_at");--> statement-breakpoint
CREATE INDEX "workflow_instance_status_idx" ON "workflow_instance" USING btree ("status","started_at");--> statement-breakpoint
CREATE INDEX "workflow_task_owner_idx" ON "workflow_task" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "workflow_task_due_idx" ON "workflow_task" USING btree ("status","due_date");--> statement-breakpoint
ALTER TABLE "workflow_task" ADD CONSTRAINT "workflow_task_sign_kind_check" CHECK ("workflow_task"."sign_kind" in ('before','after'));