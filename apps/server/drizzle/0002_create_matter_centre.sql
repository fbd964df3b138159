-- Matter centre: standard matters, implementing matters, and their versions (docs: matter.schema.ts).
-- openGauss note: nothing here needs more than PostgreSQL 9.x: uuid, text[] with the <@ operator in CHECKs, jsonb,
-- bigint, partial unique indexes (WHERE status = ...) and coalesce() in a CHECK are all supported by openGauss/Kingbase.
-- Partial unique indexes are the one thing to verify on a target whose storage engine is ustore (openGauss astore is fine).
CREATE TABLE "matter_implementing" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"published_version_id" uuid,
	"latest_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_standard" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"published_version_id" uuid,
	"latest_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"implementing_id" uuid,
	"subject_id" uuid NOT NULL,
	"org_id" uuid,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"source_version_id" uuid,
	"base_version_id" uuid,
	"name" text NOT NULL,
	"police_type" text,
	"category" text NOT NULL,
	"matter_type" text NOT NULL,
	"handling_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"applicant_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"zones" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_approval" boolean DEFAULT false NOT NULL,
	"is_online" boolean DEFAULT false NOT NULL,
	"is_offline" boolean DEFAULT true NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"fee_note" text DEFAULT '' NOT NULL,
	"statutory_limit_days" integer,
	"promised_limit_days" integer,
	"visits" integer DEFAULT 0 NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"situations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guide" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bindings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"review_note" text,
	"created_by" uuid,
	"updated_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"retired_by" uuid,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matter_version_status_check" CHECK ("matter_version"."status" in ('draft', 'in_review', 'published', 'retired')),
	CONSTRAINT "matter_version_subject_check" CHECK ("matter_version"."subject_id" = coalesce("matter_version"."implementing_id", "matter_version"."matter_id") and ("matter_version"."implementing_id" is null) = ("matter_version"."org_id" is null)),
	CONSTRAINT "matter_version_type_check" CHECK ("matter_version"."matter_type" in ('licensing', 'confirmation', 'reward', 'payment', 'other_power', 'public_service')),
	CONSTRAINT "matter_version_modes_check" CHECK ("matter_version"."handling_modes" <@ array['immediate', 'promised', 'collect']::text[]),
	CONSTRAINT "matter_version_applicants_check" CHECK ("matter_version"."applicant_types" <@ array['natural_person', 'legal_person']::text[]),
	CONSTRAINT "matter_version_channels_check" CHECK ("matter_version"."channels" <@ array['online', 'mobile', 'window', 'kiosk']::text[]),
	CONSTRAINT "matter_version_zones_check" CHECK ("matter_version"."zones" <@ array['one_thing', 'province_wide', 'cross_province', 'yangtze_delta']::text[]),
	CONSTRAINT "matter_version_numbers_check" CHECK ("matter_version"."fee_fen" >= 0 and "matter_version"."visits" >= 0 and "matter_version"."version_no" >= 1)
);
--> statement-breakpoint
ALTER TABLE "matter_implementing" ADD CONSTRAINT "matter_implementing_matter_id_matter_standard_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter_standard"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_version" ADD CONSTRAINT "matter_version_matter_id_matter_standard_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter_standard"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_version" ADD CONSTRAINT "matter_version_implementing_id_matter_implementing_id_fk" FOREIGN KEY ("implementing_id") REFERENCES "public"."matter_implementing"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matter_implementing_matter_org_uq" ON "matter_implementing" USING btree ("matter_id","org_id");--> statement-breakpoint
CREATE INDEX "matter_implementing_org_idx" ON "matter_implementing" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_standard_code_uq" ON "matter_standard" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_version_subject_no_uq" ON "matter_version" USING btree ("subject_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_version_one_published_uq" ON "matter_version" USING btree ("subject_id") WHERE "matter_version"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "matter_version_one_open_uq" ON "matter_version" USING btree ("subject_id") WHERE "matter_version"."status" in ('draft', 'in_review');--> statement-breakpoint
CREATE INDEX "matter_version_matter_idx" ON "matter_version" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matter_version_org_idx" ON "matter_version" USING btree ("org_id");