CREATE TABLE `handled_events` (
	`key` text PRIMARY KEY NOT NULL,
	`handled_at` integer NOT NULL
);
