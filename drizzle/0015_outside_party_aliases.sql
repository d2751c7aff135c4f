CREATE TABLE `outside_party_aliases` (
	`id` text PRIMARY KEY NOT NULL,
	`alias` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`chapter_name` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "outside_party_aliases_alias" CHECK(length(trim("outside_party_aliases"."alias")) > 0),
	CONSTRAINT "outside_party_aliases_kind" CHECK("outside_party_aliases"."kind" IN ('other_chapter', 'visitor', 'bni')),
	CONSTRAINT "outside_party_aliases_name" CHECK(length(trim("outside_party_aliases"."name")) > 0),
	CONSTRAINT "outside_party_aliases_chapter" CHECK(("outside_party_aliases"."kind" = 'other_chapter') = (length(trim("outside_party_aliases"."chapter_name")) > 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outside_party_aliases_alias_unique` ON `outside_party_aliases` (`alias`);