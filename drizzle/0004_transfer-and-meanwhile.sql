CREATE TABLE "assets_transfer_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"organisation_id" text NOT NULL,
	"stage" text DEFAULT 'expression_of_interest' NOT NULL,
	"proposal" text NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tenure" text,
	"lease_years" integer,
	"annual_rent_pence" bigint,
	"break_clauses" text,
	"other_conditions" text,
	"terms_set_at" timestamp with time zone,
	"decision" text,
	"decision_reasons" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_transfer_cases_stage_check" CHECK ("assets_transfer_cases"."stage" in ('expression_of_interest', 'business_plan', 'terms', 'decision', 'completed', 'withdrawn', 'refused')),
	CONSTRAINT "assets_transfer_cases_tenure_check" CHECK ("assets_transfer_cases"."tenure" is null or "assets_transfer_cases"."tenure" in ('freehold', 'lease')),
	CONSTRAINT "assets_transfer_cases_lease_check" CHECK (("assets_transfer_cases"."tenure" = 'lease') = ("assets_transfer_cases"."lease_years" is not null) and ("assets_transfer_cases"."lease_years" is null or "assets_transfer_cases"."lease_years" between 1 and 999)),
	CONSTRAINT "assets_transfer_cases_rent_check" CHECK ("assets_transfer_cases"."annual_rent_pence" is null or "assets_transfer_cases"."annual_rent_pence" >= 0),
	CONSTRAINT "assets_transfer_cases_decision_check" CHECK ("assets_transfer_cases"."decision" is null or ("assets_transfer_cases"."decision" in ('approved', 'refused') and "assets_transfer_cases"."decision_reasons" is not null))
);
--> statement-breakpoint
CREATE TABLE "assets_transfer_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_ref" text,
	"description" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_transfer_documents_location_check" CHECK ("assets_transfer_documents"."url" is not null or "assets_transfer_documents"."file_ref" is not null)
);
--> statement-breakpoint
CREATE TABLE "assets_transfer_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assets_transfer_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" text NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"note" text,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets_meanwhile_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"available_from" date NOT NULL,
	"available_to" date NOT NULL,
	"conditions" text,
	"withdrawn_at" timestamp with time zone,
	"offered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_meanwhile_offers_dates_check" CHECK ("assets_meanwhile_offers"."available_from" <= "assets_meanwhile_offers"."available_to")
);
--> statement-breakpoint
CREATE TABLE "assets_meanwhile_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"offer_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"requested_by" text NOT NULL,
	"organisation_id" text,
	"purpose" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"decline_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_meanwhile_requests_dates_check" CHECK ("assets_meanwhile_requests"."starts_on" <= "assets_meanwhile_requests"."ends_on"),
	CONSTRAINT "assets_meanwhile_requests_status_check" CHECK ("assets_meanwhile_requests"."status" in ('requested', 'approved', 'declined')),
	CONSTRAINT "assets_meanwhile_requests_decline_check" CHECK ("assets_meanwhile_requests"."status" <> 'declined' or "assets_meanwhile_requests"."decline_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "assets_transfer_cases" ADD CONSTRAINT "assets_transfer_cases_asset_id_assets_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets_assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_transfer_cases" ADD CONSTRAINT "assets_transfer_cases_organisation_id_platform_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."platform_organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_transfer_documents" ADD CONSTRAINT "assets_transfer_documents_case_id_assets_transfer_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assets_transfer_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_transfer_events" ADD CONSTRAINT "assets_transfer_events_case_id_assets_transfer_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."assets_transfer_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_meanwhile_offers" ADD CONSTRAINT "assets_meanwhile_offers_asset_id_assets_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_meanwhile_requests" ADD CONSTRAINT "assets_meanwhile_requests_offer_id_assets_meanwhile_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."assets_meanwhile_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_meanwhile_requests" ADD CONSTRAINT "assets_meanwhile_requests_asset_id_assets_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_meanwhile_requests" ADD CONSTRAINT "assets_meanwhile_requests_organisation_id_platform_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."platform_organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_transfer_cases_asset_idx" ON "assets_transfer_cases" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "assets_transfer_cases_organisation_idx" ON "assets_transfer_cases" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_transfer_cases_open_unique" ON "assets_transfer_cases" USING btree ("asset_id","organisation_id") WHERE "assets_transfer_cases"."stage" not in ('completed', 'withdrawn', 'refused');--> statement-breakpoint
CREATE INDEX "assets_transfer_documents_case_idx" ON "assets_transfer_documents" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "assets_transfer_events_case_idx" ON "assets_transfer_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "assets_meanwhile_offers_asset_idx" ON "assets_meanwhile_offers" USING btree ("asset_id");--> statement-breakpoint
CREATE INDEX "assets_meanwhile_requests_offer_idx" ON "assets_meanwhile_requests" USING btree ("offer_id","status");--> statement-breakpoint
CREATE INDEX "assets_meanwhile_requests_asset_idx" ON "assets_meanwhile_requests" USING btree ("asset_id","status","starts_on");