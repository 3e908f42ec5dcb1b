-- Events handled before the upgrade stay deduplicated: a platform retry of one is still a duplicate.
INSERT OR IGNORE INTO `inbox` (`key`, `lane`, `conversation`, `person`, `status`, `next_at`, `received_at`, `done_at`)
SELECT `key`, 1, '', '', 'done', `received_at`, `received_at`, `received_at` FROM `inbound_events`;--> statement-breakpoint
DROP TABLE `inbound_events`;
