CREATE TABLE `absence_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`level` text NOT NULL,
	`absences` integer NOT NULL,
	`counted_meetings` text NOT NULL,
	`reached_on` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`reviewed_on` text,
	`reviewed_by` text,
	`sent_on` text,
	`sent_how` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "absence_letters_level" CHECK("level" IN ('warning', 'final')),
	CONSTRAINT "absence_letters_status" CHECK("status" IN ('draft', 'reviewed', 'sent')),
	CONSTRAINT "absence_letters_reached_on" CHECK("reached_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "absence_letters_body" CHECK(length(trim("absence_letters"."body")) > 0),
	CONSTRAINT "absence_letters_sent" CHECK(("absence_letters"."status" = 'sent') = ("absence_letters"."sent_on" IS NOT NULL AND "absence_letters"."sent_how" IS NOT NULL)),
	CONSTRAINT "absence_letters_sent_how" CHECK("absence_letters"."sent_how" IS NULL OR "sent_how" IN ('email', 'post', 'in_person', 'phone', 'messaging'))
);
--> statement-breakpoint
CREATE INDEX `absence_letters_member` ON `absence_letters` (`member_id`,`reached_on`);--> statement-breakpoint
CREATE INDEX `absence_letters_status` ON `absence_letters` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `absence_letters_once` ON `absence_letters` (`member_id`,`level`,`reached_on`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`member_id` text NOT NULL,
	`prospect_id` text,
	`classification_id` text NOT NULL,
	`from_classification_id` text,
	`applied_on` text NOT NULL,
	`sponsor_id` text,
	`interview_on` text,
	`interviewers` text DEFAULT '' NOT NULL,
	`interview_notes` text DEFAULT '' NOT NULL,
	`references_checked` integer DEFAULT false NOT NULL,
	`references_note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prospect_id`) REFERENCES `prospects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sponsor_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "applications_kind" CHECK("kind" IN ('membership', 'classification_change')),
	CONSTRAINT "applications_status" CHECK("status" IN ('pending', 'deferred', 'approved', 'declined')),
	CONSTRAINT "applications_applied_on" CHECK("applied_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "applications_interview_on" CHECK("applications"."interview_on" IS NULL OR "interview_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "applications_change_from" CHECK(("applications"."kind" = 'classification_change') = ("applications"."from_classification_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `applications_member` ON `applications` (`member_id`);--> statement-breakpoint
CREATE INDEX `applications_status` ON `applications` (`status`);--> statement-breakpoint
CREATE TABLE `committee_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`member_id` text NOT NULL,
	`application_id` text,
	`absence_letter_id` text,
	`outcome` text NOT NULL,
	`decided_on` text NOT NULL,
	`decided_by` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`conditions` text DEFAULT '' NOT NULL,
	`renewal_due_before` text,
	`renewal_due_after` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`absence_letter_id`) REFERENCES `absence_letters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "committee_decisions_topic" CHECK("topic" IN ('application', 'renewal', 'attendance')),
	CONSTRAINT "committee_decisions_outcome" CHECK("outcome" IN ('approved', 'declined', 'deferred', 'renewed', 'renewed_with_conditions', 'not_renewed', 'kept', 'kept_with_conditions', 'released')),
	CONSTRAINT "committee_decisions_decided_on" CHECK("decided_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "committee_decisions_decided_by" CHECK(length(trim("committee_decisions"."decided_by")) > 0),
	CONSTRAINT "committee_decisions_application" CHECK(("committee_decisions"."topic" = 'application') = ("committee_decisions"."application_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `committee_decisions_member` ON `committee_decisions` (`member_id`,`decided_on`);--> statement-breakpoint
CREATE INDEX `committee_decisions_application` ON `committee_decisions` (`application_id`);--> statement-breakpoint
CREATE INDEX `committee_decisions_letter` ON `committee_decisions` (`absence_letter_id`);--> statement-breakpoint
CREATE TABLE `leadership_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`singleton` integer DEFAULT 1 NOT NULL,
	`stale_follow_up_days` integer DEFAULT 7 NOT NULL,
	`visit_limit` integer DEFAULT 2 NOT NULL,
	`renewal_term_months` integer DEFAULT 12 NOT NULL,
	`warning_at` integer DEFAULT 2 NOT NULL,
	`lates_per_absence` integer DEFAULT 0 NOT NULL,
	`substitute_cap` integer,
	`medical_limit` integer,
	`signatory` text DEFAULT '' NOT NULL,
	`pipeline_synced_through` text,
	`warning_template` text,
	`final_template` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "leadership_policies_singleton" CHECK("leadership_policies"."singleton" = 1),
	CONSTRAINT "leadership_policies_stale" CHECK("leadership_policies"."stale_follow_up_days" BETWEEN 1 AND 365),
	CONSTRAINT "leadership_policies_visit_limit" CHECK("leadership_policies"."visit_limit" BETWEEN 1 AND 20),
	CONSTRAINT "leadership_policies_term" CHECK("leadership_policies"."renewal_term_months" BETWEEN 1 AND 60),
	CONSTRAINT "leadership_policies_warning_at" CHECK("leadership_policies"."warning_at" BETWEEN 0 AND 26),
	CONSTRAINT "leadership_policies_lates" CHECK("leadership_policies"."lates_per_absence" BETWEEN 0 AND 26),
	CONSTRAINT "leadership_policies_substitutes" CHECK("leadership_policies"."substitute_cap" IS NULL OR "leadership_policies"."substitute_cap" BETWEEN 0 AND 26),
	CONSTRAINT "leadership_policies_medical" CHECK("leadership_policies"."medical_limit" IS NULL OR "leadership_policies"."medical_limit" BETWEEN 0 AND 26)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leadership_policies_singleton_unique` ON `leadership_policies` (`singleton`);--> statement-breakpoint
CREATE TABLE `prospect_visits` (
	`visitor_id` text PRIMARY KEY NOT NULL,
	`prospect_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prospect_id`) REFERENCES `prospects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prospect_visits_prospect` ON `prospect_visits` (`prospect_id`);--> statement-breakpoint
CREATE TABLE `prospects` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`company` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`classification_sought` text DEFAULT '' NOT NULL,
	`classification_id` text,
	`invited_by_id` text,
	`stage` text DEFAULT 'visited' NOT NULL,
	`last_contact_on` text,
	`note` text DEFAULT '' NOT NULL,
	`member_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`classification_id`) REFERENCES `classifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "prospects_name" CHECK(length(trim("prospects"."name")) > 0),
	CONSTRAINT "prospects_stage" CHECK("stage" IN ('visited', 'followed_up', 'invited_back', 'applied', 'joined', 'not_now', 'not_a_fit')),
	CONSTRAINT "prospects_last_contact_on" CHECK("prospects"."last_contact_on" IS NULL OR "last_contact_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `prospects_stage` ON `prospects` (`stage`);--> statement-breakpoint
CREATE INDEX `prospects_member` ON `prospects` (`member_id`);--> statement-breakpoint
CREATE INDEX `visitors_updated` ON `visitors` (`updated_at`);