ALTER TABLE "profiles" ADD COLUMN "work_days" jsonb DEFAULT '[1,2,3,4,5]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "work_start" bigint DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE "profiles" ADD COLUMN "work_end" bigint DEFAULT 1080 NOT NULL;