CREATE TABLE `job_slots` (
	`name` text NOT NULL,
	`slot` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`finished_at` integer,
	PRIMARY KEY(`name`, `slot`)
);
