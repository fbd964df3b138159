-- openGauss note: plain tables; INSERT … ON CONFLICT DO UPDATE (numbering) is supported by openGauss 3+ and Kingbase in PG mode.
CREATE TABLE "kernel_event_delivery" (
	"event_id" uuid NOT NULL,
	"subscriber" text NOT NULL,
	"delivered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kernel_event_delivery_event_id_subscriber_pk" PRIMARY KEY("event_id","subscriber")
);
--> statement-breakpoint
CREATE TABLE "kernel_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"trace_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "kernel_outbox_status_check" CHECK ("kernel_outbox"."status" in ('pending','delivered','failed'))
);
--> statement-breakpoint
CREATE TABLE "kernel_sequence" (
	"scope" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kernel_event_delivery" ADD CONSTRAINT "kernel_event_delivery_event_id_kernel_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."kernel_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kernel_outbox_pending_idx" ON "kernel_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "kernel_outbox_topic_idx" ON "kernel_outbox" USING btree ("topic","created_at");