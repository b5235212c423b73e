ALTER TABLE "panels_panels" DROP CONSTRAINT "panels_panels_status_check";--> statement-breakpoint
ALTER TABLE "panels_selections" ALTER COLUMN "seed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "panels_panels" ADD COLUMN "lottery_selection_id" text;--> statement-breakpoint
ALTER TABLE "panels_panels" ADD COLUMN "lottery_sha256" text;--> statement-breakpoint
ALTER TABLE "panels_panels" ADD COLUMN "lottery_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "panels_panels" ADD COLUMN "drawn_ticket" integer;--> statement-breakpoint
ALTER TABLE "panels_panels" ADD CONSTRAINT "panels_panels_status_check" CHECK ("panels_panels"."status" in ('draft', 'published', 'drawn'));