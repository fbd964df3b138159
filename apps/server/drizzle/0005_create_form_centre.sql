-- openGauss note: partial unique index (WHERE status = draft) is supported by openGauss 5.
CREATE TABLE "form_definition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "form_definition_status_check" CHECK ("form_definition"."status" in ('draft','published','retired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "form_definition_key_version_uq" ON "form_definition" USING btree ("key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "form_definition_one_draft_uq" ON "form_definition" USING btree ("key") WHERE "form_definition"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "form_definition_status_idx" ON "form_definition" USING btree ("status");