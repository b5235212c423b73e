CREATE TABLE "assets_acv_bid_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"nomination_id" text NOT NULL,
	"organisation_id" text,
	"group_name" text NOT NULL,
	"received_date" date NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets_acv_disposal_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"nomination_id" text NOT NULL,
	"received_date" date NOT NULL,
	"owner_name" text,
	"notes" text,
	"completed_date" date,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets_acv_exempt_disposals" (
	"id" text PRIMARY KEY NOT NULL,
	"nomination_id" text NOT NULL,
	"disposal_date" date NOT NULL,
	"exemption" text NOT NULL,
	"notes" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assets_acv_nominations" (
	"id" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"asset_id" text NOT NULL,
	"nominating_organisation_id" text NOT NULL,
	"eligibility" jsonb NOT NULL,
	"eligibility_reason" text NOT NULL,
	"reasons" text NOT NULL,
	"received_date" date NOT NULL,
	"nominated_by" text,
	"decision" text,
	"decision_date" date,
	"decision_reasons" text,
	"decided_by" text,
	"listing_date" date,
	"expiry_date" date,
	"removed_date" date,
	"removal_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_acv_nominations_decision_check" CHECK ("assets_acv_nominations"."decision" is null or "assets_acv_nominations"."decision" in ('listed', 'not_listed')),
	CONSTRAINT "assets_acv_nominations_decided_check" CHECK (("assets_acv_nominations"."decision" is null) = ("assets_acv_nominations"."decision_date" is null)),
	CONSTRAINT "assets_acv_nominations_listing_check" CHECK (("assets_acv_nominations"."decision" = 'listed') = ("assets_acv_nominations"."listing_date" is not null and "assets_acv_nominations"."expiry_date" is not null))
);
--> statement-breakpoint
ALTER TABLE "assets_acv_bid_requests" ADD CONSTRAINT "assets_acv_bid_requests_nomination_id_assets_acv_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."assets_acv_nominations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_acv_bid_requests" ADD CONSTRAINT "assets_acv_bid_requests_organisation_id_platform_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."platform_organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_acv_disposal_notices" ADD CONSTRAINT "assets_acv_disposal_notices_nomination_id_assets_acv_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."assets_acv_nominations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_acv_exempt_disposals" ADD CONSTRAINT "assets_acv_exempt_disposals_nomination_id_assets_acv_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."assets_acv_nominations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_acv_nominations" ADD CONSTRAINT "assets_acv_nominations_asset_id_assets_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets_assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_acv_nominations" ADD CONSTRAINT "assets_acv_nominations_nominating_organisation_id_platform_organisations_id_fk" FOREIGN KEY ("nominating_organisation_id") REFERENCES "public"."platform_organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_acv_bid_requests_nomination_idx" ON "assets_acv_bid_requests" USING btree ("nomination_id","received_date");--> statement-breakpoint
CREATE INDEX "assets_acv_disposal_notices_nomination_idx" ON "assets_acv_disposal_notices" USING btree ("nomination_id","received_date");--> statement-breakpoint
CREATE INDEX "assets_acv_exempt_disposals_nomination_idx" ON "assets_acv_exempt_disposals" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_acv_nominations_reference_unique" ON "assets_acv_nominations" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "assets_acv_nominations_asset_idx" ON "assets_acv_nominations" USING btree ("asset_id","received_date");