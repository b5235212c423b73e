CREATE TABLE "panels_panels" (
	"id" text PRIMARY KEY NOT NULL,
	"place_id" text NOT NULL,
	"title" text NOT NULL,
	"question" text,
	"panel_size" integer NOT NULL,
	"is_one_per_household" boolean DEFAULT false NOT NULL,
	"time_limit_seconds" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quotas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quota_source" text,
	"pool_counts" jsonb,
	"pool_size" integer DEFAULT 0 NOT NULL,
	"seed" text,
	"drawn_selection_id" text,
	"drawn_at" timestamp with time zone,
	"retention_date" date,
	"anonymised_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panels_panels_status_check" CHECK ("panels_panels"."status" in ('draft', 'drawn')),
	CONSTRAINT "panels_panels_size_check" CHECK ("panels_panels"."panel_size" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "panels_replacements" (
	"id" text PRIMARY KEY NOT NULL,
	"panel_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"dropped_number" integer NOT NULL,
	"replacement_number" integer NOT NULL,
	"candidates" integer NOT NULL,
	"seed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panels_selections" (
	"id" text PRIMARY KEY NOT NULL,
	"panel_id" text NOT NULL,
	"purpose" text NOT NULL,
	"seed" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"job_id" text,
	"inputs_hash" text,
	"min_probability" double precision,
	"result" jsonb,
	"relaxation" jsonb,
	"error" text,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "panels_selections_purpose_check" CHECK ("panels_selections"."purpose" in ('review', 'draw')),
	CONSTRAINT "panels_selections_status_check" CHECK ("panels_selections"."status" in ('queued', 'running', 'done', 'infeasible', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "panels_volunteers" (
	"id" text PRIMARY KEY NOT NULL,
	"panel_id" text NOT NULL,
	"number" integer NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"household" text,
	"features" jsonb NOT NULL,
	"role" text DEFAULT 'pool' NOT NULL,
	"joined_by" text,
	"invited_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "panels_volunteers_role_check" CHECK ("panels_volunteers"."role" in ('pool', 'member', 'dropped_out'))
);
--> statement-breakpoint
ALTER TABLE "panels_panels" ADD CONSTRAINT "panels_panels_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels_panels" ADD CONSTRAINT "panels_panels_created_by_platform_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels_replacements" ADD CONSTRAINT "panels_replacements_panel_id_panels_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels_panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels_selections" ADD CONSTRAINT "panels_selections_panel_id_panels_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels_panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels_selections" ADD CONSTRAINT "panels_selections_requested_by_platform_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panels_volunteers" ADD CONSTRAINT "panels_volunteers_panel_id_panels_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels_panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "panels_panels_place_idx" ON "panels_panels" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "panels_replacements_sequence_unique" ON "panels_replacements" USING btree ("panel_id","sequence");--> statement-breakpoint
CREATE INDEX "panels_selections_panel_idx" ON "panels_selections" USING btree ("panel_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "panels_volunteers_number_unique" ON "panels_volunteers" USING btree ("panel_id","number");