-- 电子归档: the SM2 keys that sign archive package manifests (old keys stay so older packages verify).
-- openGauss note: plain table with a unique index.
CREATE TABLE "archive_signing_key" (
	"id" uuid PRIMARY KEY NOT NULL,
	"algorithm" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"private_key_pem" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "archive_signing_key_public_uq" ON "archive_signing_key" USING btree ("public_key_pem");