CREATE TABLE `chapter_settings` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "chapter_settings_value_json" CHECK(json_valid("chapter_settings"."value"))
);
--> statement-breakpoint
CREATE TABLE `referral_status_history` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`status` text NOT NULL,
	`changed_on` text NOT NULL,
	`recorded_by_id` text,
	`lost_reason` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "referral_status_history_status" CHECK("referral_status_history"."status" IN ('new', 'contacted', 'meeting_set', 'won', 'lost')),
	CONSTRAINT "referral_status_history_changed_on" CHECK("changed_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "referral_status_history_lost_reason" CHECK("referral_status_history"."lost_reason" IS NULL OR ("referral_status_history"."status" = 'lost' AND "referral_status_history"."lost_reason" IN ('price', 'timing', 'no_answer', 'not_a_fit', 'other')))
);
--> statement-breakpoint
CREATE INDEX `referral_status_history_referral` ON `referral_status_history` (`referral_id`,`changed_on`);--> statement-breakpoint
CREATE INDEX `referral_status_history_changed_on` ON `referral_status_history` (`changed_on`);--> statement-breakpoint
CREATE TABLE `tyfcb_disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`tyfcb_id` text NOT NULL,
	`raised_by_id` text NOT NULL,
	`raised_on` text NOT NULL,
	`ground` text NOT NULL,
	`why` text NOT NULL,
	`resolution` text,
	`resolved_on` text,
	`resolution_reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tyfcb_id`) REFERENCES `tyfcb_slips`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tyfcb_disputes_raised_on" CHECK("raised_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "tyfcb_disputes_ground" CHECK("tyfcb_disputes"."ground" IN ('wrong_referrer', 'wrong_amount', 'not_from_referral')),
	CONSTRAINT "tyfcb_disputes_why" CHECK(length(trim("tyfcb_disputes"."why")) > 0),
	CONSTRAINT "tyfcb_disputes_resolution" CHECK("tyfcb_disputes"."resolution" IS NULL OR "tyfcb_disputes"."resolution" IN ('confirmed', 'corrected', 'removed')),
	CONSTRAINT "tyfcb_disputes_resolved" CHECK(("tyfcb_disputes"."resolution" IS NULL) = ("tyfcb_disputes"."resolved_on" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `tyfcb_disputes_slip` ON `tyfcb_disputes` (`tyfcb_id`,`resolution`);--> statement-breakpoint
CREATE UNIQUE INDEX `tyfcb_disputes_one_open` ON `tyfcb_disputes` (`tyfcb_id`) WHERE resolution IS NULL;--> statement-breakpoint
CREATE INDEX `tyfcb_referral` ON `tyfcb_slips` (`referral_id`);--> statement-breakpoint
-- Data: a referral's status recorded before the follow-up history becomes its first history entry,
-- dated the day it was set (never before the meeting it was given at). A referral still "new" needs
-- none: the slip itself is the "new" step.
INSERT INTO `referral_status_history` (`id`, `referral_id`, `status`, `changed_on`, `recorded_by_id`, `lost_reason`, `note`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  r.`id`, r.`status`, max(m.`meeting_on`, coalesce(substr(r.`status_changed_at`, 1, 10), m.`meeting_on`)), NULL, NULL, 'Status recorded before the follow-up history was kept.'
FROM `referrals` r JOIN `meetings` m ON m.`id` = r.`meeting_id`
WHERE r.`status` <> 'new';
