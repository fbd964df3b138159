-- Citizen identity (苏证通 stand-in): accounts, sessions, hashed SMS codes, QR login tickets, company roles.
-- openGauss note: plain tables, jsonb, text CHECKs and btree indexes only; upserts use INSERT … ON CONFLICT (openGauss 3+).
CREATE TABLE "citizen_account" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_no" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"auth_level" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"consent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "citizen_account_status_check" CHECK ("citizen_account"."status" in ('active','disabled'))
);
--> statement-breakpoint
CREATE TABLE "citizen_company_role" (
	"id" uuid PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"company_name" text NOT NULL,
	"holder_id_no" text NOT NULL,
	"holder_name" text NOT NULL,
	"role" text NOT NULL,
	"valid_to" text,
	"granted_by" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "citizen_company_role_role_check" CHECK ("citizen_company_role"."role" in ('legal_representative','agent'))
);
--> statement-breakpoint
CREATE TABLE "citizen_login_ticket" (
	"id" uuid PRIMARY KEY NOT NULL,
	"poll_secret_hash" text NOT NULL,
	"status" text NOT NULL,
	"citizen_id" uuid,
	"request_ip" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizen_login_ticket_status_check" CHECK ("citizen_login_ticket"."status" in ('pending','scanned','confirmed','consumed','cancelled','expired'))
);
--> statement-breakpoint
CREATE TABLE "citizen_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"login_method" text NOT NULL,
	"acting_for" jsonb,
	"client_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "citizen_session_method_check" CHECK ("citizen_session"."login_method" in ('sms','qr','app'))
);
--> statement-breakpoint
CREATE TABLE "citizen_sms_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "citizen_session" ADD CONSTRAINT "citizen_session_citizen_id_citizen_account_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen_account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_account_id_no_uq" ON "citizen_account" USING btree ("id_no");--> statement-breakpoint
CREATE INDEX "citizen_company_role_holder_idx" ON "citizen_company_role" USING btree ("holder_id_no");--> statement-breakpoint
CREATE INDEX "citizen_company_role_company_idx" ON "citizen_company_role" USING btree ("credit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_session_token_uq" ON "citizen_session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "citizen_session_citizen_idx" ON "citizen_session" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "citizen_sms_code_phone_idx" ON "citizen_sms_code" USING btree ("phone","created_at");