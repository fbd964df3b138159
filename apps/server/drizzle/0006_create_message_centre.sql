-- openGauss note: plain tables and btree indexes only.
CREATE TABLE "message_inbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"template_code" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"business_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_sms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"template_code" text NOT NULL,
	"body" text NOT NULL,
	"business_key" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"provider_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "message_sms_status_check" CHECK ("message_sms"."status" in ('pending','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "message_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_template_channel_check" CHECK ("message_template"."channel" in ('inbox','sms'))
);
--> statement-breakpoint
CREATE INDEX "message_inbox_recipient_idx" ON "message_inbox" USING btree ("recipient_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "message_sms_due_idx" ON "message_sms" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_template_code_uq" ON "message_template" USING btree ("code");