CREATE TABLE `outside_parties` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`chapter_name` text DEFAULT '' NOT NULL,
	`match_key` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "outside_parties_kind" CHECK("outside_parties"."kind" IN ('other_chapter', 'visitor', 'bni')),
	CONSTRAINT "outside_parties_name" CHECK(length(trim("outside_parties"."name")) > 0),
	CONSTRAINT "outside_parties_chapter" CHECK(("outside_parties"."kind" = 'other_chapter') = (length(trim("outside_parties"."chapter_name")) > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outside_parties_match_key` ON `outside_parties` (`match_key`);--> statement-breakpoint
CREATE TABLE `outside_party_slips` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`slip_type` text NOT NULL,
	`member_id` text NOT NULL,
	`party_id` text NOT NULL,
	`direction` text NOT NULL,
	`kind` text DEFAULT '' NOT NULL,
	`temperature` integer,
	`prospect_name` text DEFAULT '' NOT NULL,
	`prospect_phone` text DEFAULT '' NOT NULL,
	`prospect_email` text DEFAULT '' NOT NULL,
	`amount_minor` integer,
	`currency` text,
	`business` text,
	`met_on` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_id`) REFERENCES `outside_parties`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outside_party_slips_type" CHECK("outside_party_slips"."slip_type" IN ('referral', 'tyfcb', 'one_to_one')),
	CONSTRAINT "outside_party_slips_direction" CHECK(("outside_party_slips"."slip_type" = 'one_to_one') = ("outside_party_slips"."direction" = 'with') AND "outside_party_slips"."direction" IN ('given', 'received', 'with')),
	CONSTRAINT "outside_party_slips_referral" CHECK("outside_party_slips"."slip_type" <> 'referral' OR ("outside_party_slips"."kind" IN ('inside', 'outside') AND "outside_party_slips"."temperature" BETWEEN 1 AND 5 AND length(trim("outside_party_slips"."prospect_name")) > 0 AND "outside_party_slips"."amount_minor" IS NULL)),
	CONSTRAINT "outside_party_slips_tyfcb" CHECK("outside_party_slips"."slip_type" <> 'tyfcb' OR ("outside_party_slips"."kind" IN ('inside', 'outside', 'tier3') AND "outside_party_slips"."amount_minor" > 0 AND typeof("outside_party_slips"."amount_minor") = 'integer' AND "outside_party_slips"."currency" GLOB '[A-Z][A-Z][A-Z]' AND "outside_party_slips"."business" IN ('new', 'repeat'))),
	CONSTRAINT "outside_party_slips_one_to_one" CHECK("outside_party_slips"."slip_type" <> 'one_to_one' OR ("outside_party_slips"."met_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND "outside_party_slips"."amount_minor" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `outside_party_slips_meeting` ON `outside_party_slips` (`meeting_id`,`member_id`,`slip_type`,`direction`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `outside_party_slips_member` ON `outside_party_slips` (`member_id`);--> statement-breakpoint
CREATE INDEX `outside_party_slips_party` ON `outside_party_slips` (`party_id`);