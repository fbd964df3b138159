-- Online applications: the submitting citizen on the case, materials given as e-licences (免证办), and files uploaded by citizens.
-- openGauss note: ADD COLUMN with a constant default and ADD CONSTRAINT CHECK only.
ALTER TABLE "case_application" ADD COLUMN "citizen_id" uuid;--> statement-breakpoint
ALTER TABLE "case_material" ADD COLUMN "licence_id" text;--> statement-breakpoint
ALTER TABLE "case_material" ADD COLUMN "source" text DEFAULT 'upload' NOT NULL;--> statement-breakpoint
ALTER TABLE "files_object" ADD COLUMN "uploader_kind" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_material" ADD CONSTRAINT "case_material_source_check" CHECK ("case_material"."source" in ('upload','elicense'));