CREATE TABLE "budgeting_ballots" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"ballot" jsonb NOT NULL,
	"receipt_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgeting_code_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"label" text NOT NULL,
	"place_id" text,
	"size" integer NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budgeting_idea_supports" (
	"idea_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgeting_idea_supports_idea_id_user_id_pk" PRIMARY KEY("idea_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "budgeting_ideas" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"place_id" text,
	"longitude" double precision,
	"latitude" double precision,
	"rough_cost_pence" bigint,
	"photo_url" text,
	"photo_alt" text,
	"author_id" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"public_reason" text,
	"project_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgeting_ideas_status_check" CHECK ("budgeting_ideas"."status" in ('submitted', 'published', 'hidden', 'rejected', 'in_project'))
);
--> statement-breakpoint
CREATE TABLE "budgeting_participations" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"user_id" text,
	"voting_code_id" text,
	"channel" text NOT NULL,
	"place_id" text,
	CONSTRAINT "budgeting_participations_channel_check" CHECK ("budgeting_participations"."channel" in ('online_account', 'online_code', 'paper'))
);
--> statement-breakpoint
CREATE TABLE "budgeting_processes" (
	"id" text PRIMARY KEY NOT NULL,
	"place_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"budget_pence" bigint NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"ideas_opens_at" timestamp with time zone,
	"review_opens_at" timestamp with time zone,
	"voting_opens_at" timestamp with time zone,
	"voting_closes_at" timestamp with time zone,
	"results_at" timestamp with time zone,
	"delivery_at" timestamp with time zone,
	"ballot_type" text DEFAULT 'approval' NOT NULL,
	"max_choices" integer,
	"min_projects" integer,
	"max_projects" integer,
	"total_points" integer,
	"max_points_per_project" integer,
	"counting_rule" text DEFAULT 'mes' NOT NULL,
	"tie_break" text DEFAULT 'votes-cost-id' NOT NULL,
	"allow_accounts" boolean DEFAULT true NOT NULL,
	"allow_codes" boolean DEFAULT true NOT NULL,
	"min_age" integer,
	"postcode_districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported_from" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgeting_processes_status_check" CHECK ("budgeting_processes"."status" in ('draft', 'published')),
	CONSTRAINT "budgeting_processes_ballot_check" CHECK ("budgeting_processes"."ballot_type" in ('approval', 'knapsack', 'cumulative', 'ranked')),
	CONSTRAINT "budgeting_processes_rule_check" CHECK ("budgeting_processes"."counting_rule" in ('greedy', 'mes', 'phragmen')),
	CONSTRAINT "budgeting_processes_budget_check" CHECK ("budgeting_processes"."budget_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "budgeting_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cost_pence" bigint NOT NULL,
	"place_id" text,
	"feasibility_note" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"public_reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgeting_projects_status_check" CHECK ("budgeting_projects"."status" in ('draft', 'on_ballot', 'withdrawn')),
	CONSTRAINT "budgeting_projects_cost_check" CHECK ("budgeting_projects"."cost_pence" > 0)
);
--> statement-breakpoint
CREATE TABLE "budgeting_results" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"kind" text NOT NULL,
	"rule" text NOT NULL,
	"outcome" jsonb NOT NULL,
	"ballots_hash" text NOT NULL,
	"ballot_count" integer NOT NULL,
	"counted_by" text,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgeting_results_kind_check" CHECK ("budgeting_results"."kind" in ('official', 'preview'))
);
--> statement-breakpoint
CREATE TABLE "budgeting_voting_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"code_hash" text NOT NULL,
	"is_cancelled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budgeting_ballots" ADD CONSTRAINT "budgeting_ballots_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_code_batches" ADD CONSTRAINT "budgeting_code_batches_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_code_batches" ADD CONSTRAINT "budgeting_code_batches_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_code_batches" ADD CONSTRAINT "budgeting_code_batches_created_by_platform_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_idea_supports" ADD CONSTRAINT "budgeting_idea_supports_idea_id_budgeting_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."budgeting_ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_idea_supports" ADD CONSTRAINT "budgeting_idea_supports_user_id_platform_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_ideas" ADD CONSTRAINT "budgeting_ideas_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_ideas" ADD CONSTRAINT "budgeting_ideas_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_ideas" ADD CONSTRAINT "budgeting_ideas_author_id_platform_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_participations" ADD CONSTRAINT "budgeting_participations_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_participations" ADD CONSTRAINT "budgeting_participations_user_id_platform_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_participations" ADD CONSTRAINT "budgeting_participations_voting_code_id_budgeting_voting_codes_id_fk" FOREIGN KEY ("voting_code_id") REFERENCES "public"."budgeting_voting_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_participations" ADD CONSTRAINT "budgeting_participations_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_processes" ADD CONSTRAINT "budgeting_processes_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_processes" ADD CONSTRAINT "budgeting_processes_created_by_platform_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_projects" ADD CONSTRAINT "budgeting_projects_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_projects" ADD CONSTRAINT "budgeting_projects_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_projects" ADD CONSTRAINT "budgeting_projects_created_by_platform_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."platform_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_results" ADD CONSTRAINT "budgeting_results_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_voting_codes" ADD CONSTRAINT "budgeting_voting_codes_process_id_budgeting_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."budgeting_processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgeting_voting_codes" ADD CONSTRAINT "budgeting_voting_codes_batch_id_budgeting_code_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."budgeting_code_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budgeting_ballots_process_idx" ON "budgeting_ballots" USING btree ("process_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_ballots_receipt_idx" ON "budgeting_ballots" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "budgeting_ideas_process_idx" ON "budgeting_ideas" USING btree ("process_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_participations_user_idx" ON "budgeting_participations" USING btree ("process_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_participations_code_idx" ON "budgeting_participations" USING btree ("process_id","voting_code_id");--> statement-breakpoint
CREATE INDEX "budgeting_processes_place_idx" ON "budgeting_processes" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_projects_number_idx" ON "budgeting_projects" USING btree ("process_id","number");--> statement-breakpoint
CREATE INDEX "budgeting_results_process_idx" ON "budgeting_results" USING btree ("process_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_results_official_idx" ON "budgeting_results" USING btree ("process_id") WHERE "budgeting_results"."kind" = 'official';--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_voting_codes_hash_idx" ON "budgeting_voting_codes" USING btree ("process_id","code_hash");