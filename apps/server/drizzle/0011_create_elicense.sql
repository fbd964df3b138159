-- E-licence centre: licence types (目录, 照面 field definitions) and licences (GB/T 36903 metadata + 照面 JSON).
-- openGauss note: plain tables, jsonb, date, text CHECKs and btree indexes; the unique index on the nullable
-- identifier allows many NULLs, as in PostgreSQL. Seeds use INSERT … ON CONFLICT, supported by openGauss 3+.
CREATE TABLE "elicense_licence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type_code" text NOT NULL,
	"licence_no" text NOT NULL,
	"identifier" text,
	"holder_name" text NOT NULL,
	"holder_id_type" text NOT NULL,
	"holder_id_no" text NOT NULL,
	"issuer_name" text NOT NULL,
	"issuer_code" text,
	"issue_date" date NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"status" text DEFAULT 'valid' NOT NULL,
	"face_data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elicense_licence_holder_id_type_check" CHECK ("elicense_licence"."holder_id_type" in ('id_no','credit_code')),
	CONSTRAINT "elicense_licence_status_check" CHECK ("elicense_licence"."status" in ('valid','expired','revoked','suspended'))
);
--> statement-breakpoint
CREATE TABLE "elicense_licence_type" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"standard_type_code" text,
	"holder_kind" text NOT NULL,
	"issuer_name" text NOT NULL,
	"face_fields" jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elicense_licence_type_holder_kind_check" CHECK ("elicense_licence_type"."holder_kind" in ('natural','legal'))
);
--> statement-breakpoint
CREATE INDEX "elicense_licence_holder_idx" ON "elicense_licence" USING btree ("holder_id_no","type_code");--> statement-breakpoint
CREATE INDEX "elicense_licence_no_idx" ON "elicense_licence" USING btree ("licence_no");--> statement-breakpoint
CREATE UNIQUE INDEX "elicense_licence_identifier_uq" ON "elicense_licence" USING btree ("identifier");