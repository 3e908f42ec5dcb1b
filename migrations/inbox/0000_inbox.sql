CREATE TABLE `inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`lane` integer DEFAULT 1 NOT NULL,
	`conversation` text NOT NULL,
	`person` text NOT NULL,
	`payload` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`done_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_key_unique` ON `inbox` (`key`);--> statement-breakpoint
CREATE INDEX `inbox_due_idx` ON `inbox` (`status`,`lane`,`id`);--> statement-breakpoint
CREATE INDEX `inbox_conversation_idx` ON `inbox` (`conversation`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `inbox_received_idx` ON `inbox` (`received_at`);--> statement-breakpoint
CREATE INDEX `inbox_person_idx` ON `inbox` (`person`);