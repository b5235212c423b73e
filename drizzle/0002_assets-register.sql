CREATE TABLE "assets_assets" (
	"id" text PRIMARY KEY NOT NULL,
	"place_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"address" text,
	"postcode" text,
	"longitude" double precision,
	"latitude" double precision,
	"polygon" jsonb,
	"owner_type" text,
	"owner_name" text,
	"run_by" text,
	"condition" text DEFAULT 'unknown' NOT NULL,
	"opening_info" text,
	"booking_info" text,
	"status" text DEFAULT 'suggested' NOT NULL,
	"source" text,
	"source_ref" text,
	"suggested_by" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_assets_kind_check" CHECK ("assets_assets"."kind" in ('community_centre', 'hall', 'pub', 'library', 'place_of_worship', 'green_space', 'sports_facility', 'vacant_unit', 'other')),
	CONSTRAINT "assets_assets_status_check" CHECK ("assets_assets"."status" in ('suggested', 'confirmed', 'closed', 'rejected')),
	CONSTRAINT "assets_assets_condition_check" CHECK ("assets_assets"."condition" in ('good', 'fair', 'poor', 'unknown')),
	CONSTRAINT "assets_assets_owner_type_check" CHECK ("assets_assets"."owner_type" is null or "assets_assets"."owner_type" in ('council', 'community', 'private', 'charity', 'church', 'other')),
	CONSTRAINT "assets_assets_point_check" CHECK (("assets_assets"."longitude" is null) = ("assets_assets"."latitude" is null) and ("assets_assets"."longitude" is null or ("assets_assets"."longitude" between -180 and 180 and "assets_assets"."latitude" between -90 and 90)))
);
--> statement-breakpoint
CREATE TABLE "assets_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"asset_id" text NOT NULL,
	"url" text NOT NULL,
	"alt_text" text NOT NULL,
	"caption" text,
	"position" integer DEFAULT 0 NOT NULL,
	"added_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assets_assets" ADD CONSTRAINT "assets_assets_place_id_platform_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."platform_places"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_assets" ADD CONSTRAINT "assets_assets_run_by_platform_organisations_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."platform_organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets_photos" ADD CONSTRAINT "assets_photos_asset_id_assets_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assets_assets_place_idx" ON "assets_assets" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "assets_assets_status_kind_idx" ON "assets_assets" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_assets_source_ref_unique" ON "assets_assets" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "assets_photos_asset_idx" ON "assets_photos" USING btree ("asset_id","position");