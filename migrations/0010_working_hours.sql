ALTER TABLE `profiles` ADD `work_days` text DEFAULT '[1,2,3,4,5]' NOT NULL;--> statement-breakpoint
ALTER TABLE `profiles` ADD `work_start` integer DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE `profiles` ADD `work_end` integer DEFAULT 1080 NOT NULL;