ALTER TABLE `meetings` ADD `invite_form` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `invite_organizer` text;--> statement-breakpoint
-- Meetings from before random UIDs (migration 0005 gave them `meeting-<id>@tandem.local`) sent
-- their invites as METHOD:REQUEST with ORGANIZER `noreply@tandem.local`: that is the event in
-- people's calendars, so their updates and cancel go out the same way. Meetings booked since
-- 0005 stay unknown (NULL) here: their form is settled from the booker at their next invite.
UPDATE `meetings` SET `invite_form` = 'legacy', `invite_organizer` = 'noreply@tandem.local'
  WHERE `uid` = 'meeting-' || `id` || '@tandem.local';
