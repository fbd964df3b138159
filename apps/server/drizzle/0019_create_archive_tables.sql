-- 电子归档: archive rules per matter or 事项类型, one archive record per concluded case, and the 档号 counters.
-- openGauss note: plain tables, jsonb, partial unique indexes and a composite primary key.
CREATE TABLE "archive_code_counter" (
	"fonds_code" text NOT NULL,
	"category" text NOT NULL,
	"year" integer NOT NULL,
	"retention" text NOT NULL,
	"last_no" integer NOT NULL,
	CONSTRAINT "archive_code_counter_fonds_code_category_year_retention_pk" PRIMARY KEY("fonds_code","category","year","retention")
);
--> statement-breakpoint
CREATE TABLE "archive_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"matter_code" text NOT NULL,
	"matter_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"org_name" text,
	"applicant_name" text NOT NULL,
	"result" text NOT NULL,
	"concluded_at" timestamp with time zone NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"retention" text NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone,
	"fonds_code" text,
	"item_no" integer,
	"archival_code" text,
	"package_name" text,
	"package_file_id" uuid,
	"package_sm3" text,
	"package_size" integer,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archived_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "archive_record_status_check" CHECK ("archive_record"."status" in ('pending','check_failed','archived'))
);
--> statement-breakpoint
CREATE TABLE "archive_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_code" text,
	"matter_type" text,
	"retention" text NOT NULL,
	"openness" text NOT NULL,
	"security_level" text NOT NULL,
	"scope" text NOT NULL,
	"catalogue" jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "archive_rule_retention_check" CHECK ("archive_rule"."retention" in ('Y','D30','D10'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "archive_record_case_uq" ON "archive_record" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_record_code_uq" ON "archive_record" USING btree ("archival_code");--> statement-breakpoint
CREATE INDEX "archive_record_org_status_idx" ON "archive_record" USING btree ("org_id","status","concluded_at");--> statement-breakpoint
CREATE INDEX "archive_record_matter_idx" ON "archive_record" USING btree ("matter_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_rule_matter_uq" ON "archive_rule" USING btree ("matter_code") WHERE "archive_rule"."matter_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_rule_type_uq" ON "archive_rule" USING btree ("matter_type") WHERE "archive_rule"."matter_code" is null;