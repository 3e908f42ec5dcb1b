CREATE TABLE `calendar_used_links` (
	`key` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
