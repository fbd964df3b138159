-- 容缺受理: the promised deadline, the signed promise and the overdue alarm, on the case row for the pre-review queues.
-- openGauss note: nullable column additions and a btree index only.
ALTER TABLE "case_application" ADD COLUMN "tolerance_deadline" text;--> statement-breakpoint
ALTER TABLE "case_application" ADD COLUMN "tolerance_promised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_application" ADD COLUMN "tolerance_overdue_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_application_tolerance_idx" ON "case_application" USING btree ("status","tolerance_deadline");