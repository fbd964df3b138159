-- openGauss note: uses only PostgreSQL 15 types (uuid, text[], jsonb, timestamptz) and CHECK constraints; lower() expression index is supported.
CREATE TABLE "kernel_audit_log" (
	"chain_no" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"position_id" uuid,
	"org_id" uuid,
	"client_ip" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"result" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"trace_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "kernel_audit_log_result_check" CHECK ("kernel_audit_log"."result" in ('success', 'failure'))
);
--> statement-breakpoint
CREATE TABLE "identity_org" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"region_code" text,
	"police_type" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_org_level_check" CHECK ("identity_org"."level" in ('province','city','county','station','window','department')),
	CONSTRAINT "identity_org_status_check" CHECK ("identity_org"."status" in ('active','disabled'))
);
--> statement-breakpoint
CREATE TABLE "identity_position" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_position_role" (
	"position_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	CONSTRAINT "identity_position_role_position_id_role_id_pk" PRIMARY KEY("position_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "identity_role" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"permissions" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_scope" text NOT NULL,
	"custom_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_role_scope_check" CHECK ("identity_role"."data_scope" in ('self','org','org_and_below','province','custom'))
);
--> statement-breakpoint
CREATE TABLE "identity_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"client_ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "identity_user" (
	"id" uuid PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"user_type" text NOT NULL,
	"police_no" text,
	"phone" text,
	"org_id" uuid NOT NULL,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"is_totp_enabled" boolean DEFAULT false NOT NULL,
	"last_totp_step" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_user_type_check" CHECK ("identity_user"."user_type" in ('police','auxiliary','admin')),
	CONSTRAINT "identity_user_status_check" CHECK ("identity_user"."status" in ('active','disabled'))
);
--> statement-breakpoint
ALTER TABLE "identity_position" ADD CONSTRAINT "identity_position_user_id_identity_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."identity_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_position" ADD CONSTRAINT "identity_position_org_id_identity_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."identity_org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_position_role" ADD CONSTRAINT "identity_position_role_position_id_identity_position_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."identity_position"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_position_role" ADD CONSTRAINT "identity_position_role_role_id_identity_role_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."identity_role"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_session" ADD CONSTRAINT "identity_session_user_id_identity_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."identity_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kernel_audit_log_occurred_at_idx" ON "kernel_audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "kernel_audit_log_user_id_idx" ON "kernel_audit_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "kernel_audit_log_action_idx" ON "kernel_audit_log" USING btree ("action");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_org_code_uq" ON "identity_org" USING btree ("code");--> statement-breakpoint
CREATE INDEX "identity_org_parent_idx" ON "identity_org" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "identity_org_path_idx" ON "identity_org" USING btree ("path");--> statement-breakpoint
CREATE INDEX "identity_position_user_idx" ON "identity_position" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "identity_position_org_idx" ON "identity_position" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "identity_position_role_role_idx" ON "identity_position_role" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_role_code_uq" ON "identity_role" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_session_token_uq" ON "identity_session" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "identity_session_user_idx" ON "identity_session" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_user_username_uq" ON "identity_user" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "identity_user_police_no_uq" ON "identity_user" USING btree ("police_no");--> statement-breakpoint
CREATE INDEX "identity_user_org_idx" ON "identity_user" USING btree ("org_id");