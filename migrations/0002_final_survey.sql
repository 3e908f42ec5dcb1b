CREATE TABLE `final_surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program` text NOT NULL,
	`user_id` integer NOT NULL,
	`overall` integer NOT NULL,
	`nps` integer NOT NULL,
	`changed` text,
	`share_story` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `final_surveys_once` ON `final_surveys` (`program`,`user_id`);