CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`member_id` text NOT NULL,
	`mark` text NOT NULL,
	`substitute_name` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "attendance_mark" CHECK("attendance"."mark" IN ('P', 'A', 'L', 'M', 'S')),
	CONSTRAINT "attendance_substitute" CHECK(("attendance"."mark" = 'S') = ("attendance"."substitute_name" IS NOT NULL AND length(trim("attendance"."substitute_name")) > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_one_mark` ON `attendance` (`meeting_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `attendance_member` ON `attendance` (`member_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor` text DEFAULT 'secretary' NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "audit_log_action" CHECK("audit_log"."action" IN ('insert', 'update', 'delete', 'close', 'reopen', 'restore', 'import'))
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `ceus` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`member_id` text NOT NULL,
	`credits` integer DEFAULT 1 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ceus_credits" CHECK("ceus"."credits" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE INDEX `ceus_meeting` ON `ceus` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `ceus_member` ON `ceus` (`member_id`);--> statement-breakpoint
CREATE TABLE `chapter` (
	`id` text PRIMARY KEY NOT NULL,
	`singleton` integer DEFAULT 1 NOT NULL,
	`name` text NOT NULL,
	`region` text DEFAULT '' NOT NULL,
	`meeting_weekday` integer NOT NULL,
	`meeting_time` text DEFAULT '07:00' NOT NULL,
	`currency` text NOT NULL,
	`locale` text NOT NULL,
	`absence_limit` integer DEFAULT 3 NOT NULL,
	`absence_window_months` integer DEFAULT 6 NOT NULL,
	`no_referral_weeks` integer DEFAULT 4 NOT NULL,
	`open_referral_days` integer DEFAULT 30 NOT NULL,
	`scorecard_profile` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "chapter_singleton" CHECK("chapter"."singleton" = 1),
	CONSTRAINT "chapter_name" CHECK(length(trim("chapter"."name")) > 0),
	CONSTRAINT "chapter_weekday" CHECK("chapter"."meeting_weekday" BETWEEN 0 AND 6),
	CONSTRAINT "chapter_time" CHECK("chapter"."meeting_time" GLOB '[0-2][0-9]:[0-5][0-9]'),
	CONSTRAINT "chapter_currency" CHECK("chapter"."currency" GLOB '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "chapter_absence_limit" CHECK("chapter"."absence_limit" >= 0),
	CONSTRAINT "chapter_absence_window" CHECK("chapter"."absence_window_months" BETWEEN 1 AND 24),
	CONSTRAINT "chapter_no_referral_weeks" CHECK("chapter"."no_referral_weeks" >= 1),
	CONSTRAINT "chapter_open_referral_days" CHECK("chapter"."open_referral_days" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chapter_singleton_unique` ON `chapter` (`singleton`);--> statement-breakpoint
CREATE TABLE `classifications` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sphere_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`sphere_id`) REFERENCES `contact_spheres`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "classifications_name_nonempty" CHECK(length(trim("classifications"."name")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `classifications_name` ON `classifications` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE INDEX `classifications_sphere` ON `classifications` (`sphere_id`);--> statement-breakpoint
CREATE TABLE `contact_spheres` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "contact_spheres_name_nonempty" CHECK(length(trim("contact_spheres"."name")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contact_spheres_name` ON `contact_spheres` ("name" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_on` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`closed_at` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "meetings_meeting_on" CHECK("meeting_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "meetings_status" CHECK("meetings"."status" IN ('draft', 'completed', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_meeting_on_unique` ON `meetings` (`meeting_on`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`classification_id` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`joined_on` text NOT NULL,
	`renewal_due` text,
	`left_on` text,
	`sponsor_id` text,
	`leadership_role` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sponsor_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "members_first_name" CHECK(length(trim("members"."first_name")) > 0),
	CONSTRAINT "members_last_name" CHECK(length(trim("members"."last_name")) > 0),
	CONSTRAINT "members_status" CHECK("members"."status" IN ('applicant', 'active', 'on_leave', 'former')),
	CONSTRAINT "members_joined_on" CHECK("joined_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "members_renewal_due" CHECK("members"."renewal_due" IS NULL OR "renewal_due" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "members_left_on" CHECK(("members"."status" = 'former') = ("members"."left_on" IS NOT NULL)),
	CONSTRAINT "members_not_own_sponsor" CHECK("members"."sponsor_id" IS NULL OR "members"."sponsor_id" <> "members"."id"),
	CONSTRAINT "members_leadership_role" CHECK("members"."leadership_role" IS NULL OR "members"."leadership_role" IN ('president', 'vice_president', 'secretary_treasurer', 'membership_committee', 'visitor_host', 'education_coordinator', 'mentor_coordinator'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_one_seat_per_classification` ON `members` (`classification_id`) WHERE status IN ('applicant', 'active', 'on_leave');--> statement-breakpoint
CREATE INDEX `members_status` ON `members` (`status`);--> statement-breakpoint
CREATE INDEX `members_name` ON `members` (`last_name`,`first_name`);--> statement-breakpoint
CREATE TABLE `one_to_ones` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text,
	`member_a_id` text NOT NULL,
	`member_b_id` text NOT NULL,
	`met_on` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_a_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_b_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "one_to_ones_ordered_pair" CHECK("one_to_ones"."member_a_id" < "one_to_ones"."member_b_id"),
	CONSTRAINT "one_to_ones_met_on" CHECK("met_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `one_to_ones_meeting` ON `one_to_ones` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `one_to_ones_a` ON `one_to_ones` (`member_a_id`);--> statement-breakpoint
CREATE INDEX `one_to_ones_b` ON `one_to_ones` (`member_b_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`giver_id` text NOT NULL,
	`receiver_id` text NOT NULL,
	`kind` text NOT NULL,
	`temperature` integer NOT NULL,
	`prospect_name` text NOT NULL,
	`prospect_phone` text DEFAULT '' NOT NULL,
	`prospect_email` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`status_changed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`giver_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receiver_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "referrals_two_members" CHECK("referrals"."giver_id" <> "referrals"."receiver_id"),
	CONSTRAINT "referrals_kind" CHECK("referrals"."kind" IN ('inside', 'outside')),
	CONSTRAINT "referrals_temperature" CHECK("referrals"."temperature" BETWEEN 1 AND 5),
	CONSTRAINT "referrals_prospect" CHECK(length(trim("referrals"."prospect_name")) > 0),
	CONSTRAINT "referrals_status" CHECK("referrals"."status" IN ('new', 'contacted', 'meeting_set', 'won', 'lost'))
);
--> statement-breakpoint
CREATE INDEX `referrals_meeting` ON `referrals` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `referrals_giver` ON `referrals` (`giver_id`,`receiver_id`);--> statement-breakpoint
CREATE INDEX `referrals_receiver` ON `referrals` (`receiver_id`);--> statement-breakpoint
CREATE TABLE `seat_history` (
	`id` text PRIMARY KEY NOT NULL,
	`classification_id` text NOT NULL,
	`member_id` text NOT NULL,
	`from_on` text NOT NULL,
	`to_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "seat_history_from_on" CHECK("from_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "seat_history_to_on" CHECK("seat_history"."to_on" IS NULL OR "seat_history"."to_on" >= "seat_history"."from_on")
);
--> statement-breakpoint
CREATE INDEX `seat_history_classification` ON `seat_history` (`classification_id`,`from_on`);--> statement-breakpoint
CREATE INDEX `seat_history_member` ON `seat_history` (`member_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `seat_history_one_open_per_member` ON `seat_history` (`member_id`) WHERE to_on IS NULL;--> statement-breakpoint
CREATE TABLE `tyfcb_slips` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`closer_id` text NOT NULL,
	`referrer_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`business` text NOT NULL,
	`kind` text NOT NULL,
	`referral_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tyfcb_two_members" CHECK("tyfcb_slips"."closer_id" <> "tyfcb_slips"."referrer_id"),
	CONSTRAINT "tyfcb_amount" CHECK("tyfcb_slips"."amount_minor" >= 0 AND typeof("tyfcb_slips"."amount_minor") = 'integer'),
	CONSTRAINT "tyfcb_currency" CHECK("tyfcb_slips"."currency" GLOB '[A-Z][A-Z][A-Z]'),
	CONSTRAINT "tyfcb_business" CHECK("tyfcb_slips"."business" IN ('new', 'repeat')),
	CONSTRAINT "tyfcb_kind" CHECK("tyfcb_slips"."kind" IN ('inside', 'outside', 'tier3'))
);
--> statement-breakpoint
CREATE INDEX `tyfcb_meeting` ON `tyfcb_slips` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `tyfcb_closer` ON `tyfcb_slips` (`closer_id`);--> statement-breakpoint
CREATE INDEX `tyfcb_referrer` ON `tyfcb_slips` (`referrer_id`);--> statement-breakpoint
CREATE TABLE `visitors` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`name` text NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`classification_sought` text DEFAULT '' NOT NULL,
	`classification_id` text,
	`invited_by_id` text,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`follow_up` text DEFAULT 'new' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "visitors_name" CHECK(length(trim("visitors"."name")) > 0),
	CONSTRAINT "visitors_follow_up" CHECK("visitors"."follow_up" IN ('new', 'contacted', 'invited_back', 'applied', 'not_interested'))
);
--> statement-breakpoint
CREATE INDEX `visitors_meeting` ON `visitors` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `visitors_invited_by` ON `visitors` (`invited_by_id`);