-- openGauss note: plain table.
CREATE TABLE "files_object" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"sm3" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime" text NOT NULL,
	"sniffed_type" text NOT NULL,
	"file_name" text NOT NULL,
	"purpose" text DEFAULT 'material' NOT NULL,
	"uploaded_by" uuid,
	"org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "files_object_sha256_idx" ON "files_object" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_object_uploader_idx" ON "files_object" USING btree ("uploaded_by");