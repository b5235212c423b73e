CREATE TABLE "budgeting_idea_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"idea_id" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"alt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budgeting_idea_photos_type_check" CHECK ("budgeting_idea_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "budgeting_idea_photos_size_check" CHECK ("budgeting_idea_photos"."byte_size" = octet_length("budgeting_idea_photos"."bytes"))
);
--> statement-breakpoint
ALTER TABLE "budgeting_idea_photos" ADD CONSTRAINT "budgeting_idea_photos_idea_id_budgeting_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."budgeting_ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budgeting_idea_photos_idea_idx" ON "budgeting_idea_photos" USING btree ("idea_id");--> statement-breakpoint
ALTER TABLE "budgeting_ideas" DROP COLUMN "photo_url";--> statement-breakpoint
ALTER TABLE "budgeting_ideas" DROP COLUMN "photo_alt";