CREATE TABLE `former_volunteers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`role` text NOT NULL,
	`joined_at` integer NOT NULL,
	`prepared_at` integer,
	`teaches` text NOT NULL,
	`learns` text NOT NULL,
	`left_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `former_volunteers_left_idx` ON `former_volunteers` (`left_at`);--> statement-breakpoint
ALTER TABLE `meeting_feedback` ADD `left_as` integer;--> statement-breakpoint
ALTER TABLE `pair_fit` ADD `left_as` integer;--> statement-breakpoint
ALTER TABLE `final_surveys` ADD `left_as` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `left_at` integer;