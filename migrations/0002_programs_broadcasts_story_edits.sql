CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`by_user_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`recipients` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `programs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`cadence_days` integer,
	`status` text DEFAULT 'active' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programs_name_unique` ON `programs` (`name`);--> statement-breakpoint
ALTER TABLE `stories` ADD `edited_text` text;--> statement-breakpoint
ALTER TABLE `pairs` ADD `program_id` integer REFERENCES programs(id);--> statement-breakpoint
ALTER TABLE `profiles` ADD `program_id` integer REFERENCES programs(id);