-- Print centre: versioned print templates (result documents rendered to PDF); definitions are jsonb layouts.
-- openGauss note: plain table, jsonb, a text CHECK and btree indexes; the two partial unique indexes (one draft,
-- one published version per key) need openGauss 5, as form_definition_one_draft_uq in 0005 does.
CREATE TABLE "print_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	CONSTRAINT "print_template_status_check" CHECK ("print_template"."status" in ('draft','published','retired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "print_template_key_version_uq" ON "print_template" USING btree ("key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "print_template_one_draft_uq" ON "print_template" USING btree ("key") WHERE "print_template"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "print_template_one_published_uq" ON "print_template" USING btree ("key") WHERE "print_template"."status" = 'published';