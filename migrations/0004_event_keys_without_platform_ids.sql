-- Event keys were stored in clear, and a Slack button press's id holds the person's user id
-- (`slack:T1:act:U1:…`). They are hashed now, so the old ones can never match again: the
-- inbound dedupe rows go, and reply dedupe keys built from them get a neutral name.
DELETE FROM `inbound_events`;--> statement-breakpoint
UPDATE `outbox` SET `dedupe_key` = 'event:' || `id` WHERE `dedupe_key` GLOB 'slack:*' OR `dedupe_key` GLOB 'telegram:*' OR `dedupe_key` GLOB 'console:*';
