-- 好差评: one five-level evaluation per concluded case, with the case's org for scoped lists.
-- openGauss note: plain table, jsonb, an integer CHECK and btree indexes.
CREATE TABLE "evaluation_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"matter_code" text NOT NULL,
	"matter_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_name" text,
	"citizen_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"channel" text DEFAULT 'pc' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_record_level_check" CHECK ("evaluation_record"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_record_case_uq" ON "evaluation_record" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "evaluation_record_org_idx" ON "evaluation_record" USING btree ("org_id","created_at");