-- 户政 population registry: households, persons, change trajectory, 号段 and allocated ID sequences.
-- openGauss note: plain tables, btree indexes, CHECK constraints; no extensions.
CREATE TABLE "hukou_change" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"before" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"after" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"case_id" uuid,
	"case_no" text,
	"matter_code" text,
	"org_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "hukou_household" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_no" text NOT NULL,
	"type" text NOT NULL,
	"name" text,
	"head_person_id" uuid,
	"address" text NOT NULL,
	"region_code" text NOT NULL,
	"station_org_id" uuid NOT NULL,
	"established_on" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hukou_household_type_check" CHECK ("hukou_household"."type" in ('family','unit_collective','student_collective','talent_collective','community_collective')),
	CONSTRAINT "hukou_household_status_check" CHECK ("hukou_household"."status" in ('active','closed'))
);
--> statement-breakpoint
CREATE TABLE "hukou_id_allocation" (
	"address_code" text NOT NULL,
	"birth_date" text NOT NULL,
	"seq" integer NOT NULL,
	"id_no" text NOT NULL,
	"person_id" uuid,
	"allocated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hukou_id_allocation_address_code_birth_date_seq_pk" PRIMARY KEY("address_code","birth_date","seq")
);
--> statement-breakpoint
CREATE TABLE "hukou_id_segment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address_code" text NOT NULL,
	"station_org_id" uuid NOT NULL,
	"seq_from" integer NOT NULL,
	"seq_to" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hukou_id_segment_range_check" CHECK ("hukou_id_segment"."seq_from" >= 1 and "hukou_id_segment"."seq_to" <= 999 and "hukou_id_segment"."seq_from" <= "hukou_id_segment"."seq_to")
);
--> statement-breakpoint
CREATE TABLE "hukou_person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_no" text NOT NULL,
	"name" text NOT NULL,
	"former_name" text,
	"sex" text NOT NULL,
	"ethnicity" text NOT NULL,
	"birth_date" text NOT NULL,
	"birth_place_code" text NOT NULL,
	"native_place_code" text NOT NULL,
	"religion" text NOT NULL,
	"education" text,
	"marital_status" text NOT NULL,
	"military_service" text NOT NULL,
	"height_cm" integer,
	"blood_type" text NOT NULL,
	"occupation" text,
	"employer" text,
	"address" text NOT NULL,
	"household_id" uuid NOT NULL,
	"relation_to_head" text,
	"father_id_no" text,
	"mother_id_no" text,
	"registered_on" text NOT NULL,
	"previous_region_code" text,
	"region_code" text NOT NULL,
	"station_org_id" uuid NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"status_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hukou_person_sex_check" CHECK ("hukou_person"."sex" in ('1','2','0','9')),
	CONSTRAINT "hukou_person_status_check" CHECK ("hukou_person"."status" in ('registered','deceased','enlisted','moved_out','cancelled'))
);
--> statement-breakpoint
CREATE INDEX "hukou_change_person_idx" ON "hukou_change" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "hukou_change_household_idx" ON "hukou_change" USING btree ("household_id","occurred_at");--> statement-breakpoint
CREATE INDEX "hukou_change_org_idx" ON "hukou_change" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hukou_household_no_uq" ON "hukou_household" USING btree ("household_no");--> statement-breakpoint
CREATE INDEX "hukou_household_station_idx" ON "hukou_household" USING btree ("station_org_id","status");--> statement-breakpoint
CREATE INDEX "hukou_id_segment_station_idx" ON "hukou_id_segment" USING btree ("station_org_id");--> statement-breakpoint
CREATE INDEX "hukou_person_id_no_idx" ON "hukou_person" USING btree ("id_no");--> statement-breakpoint
CREATE INDEX "hukou_person_name_idx" ON "hukou_person" USING btree ("name");--> statement-breakpoint
CREATE INDEX "hukou_person_household_idx" ON "hukou_person" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "hukou_person_station_idx" ON "hukou_person" USING btree ("station_org_id","status");