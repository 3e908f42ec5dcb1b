-- SQLite adds a NOT NULL column only with a default; every meeting gets its UID right below.
ALTER TABLE `meetings` ADD `uid` text NOT NULL DEFAULT '';--> statement-breakpoint
-- Meetings booked before this version keep the UID their invites already carry: the event is
-- in people's calendars under it, and a move or cancel under any other UID would add a second
-- event and leave the first one standing. New meetings get a random UUID at booking.
UPDATE `meetings` SET `uid` = 'meeting-' || `id` || '@tandem.local';--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_uid_unique` ON `meetings` (`uid`);--> statement-breakpoint
ALTER TABLE `users` ADD `email` text;
