CREATE TABLE `audit_chain` (
	`id` integer PRIMARY KEY NOT NULL,
	`entries` integer NOT NULL,
	`head_hash` text NOT NULL,
	`legacy_entries` integer NOT NULL,
	`legacy_hash` text NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`rebuilt_at` text,
	CONSTRAINT "audit_chain_one_row" CHECK("audit_chain"."id" = 1),
	CONSTRAINT "audit_chain_entries" CHECK("audit_chain"."entries" >= "audit_chain"."legacy_entries" AND "audit_chain"."legacy_entries" >= 0)
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `chain_seq` integer;--> statement-breakpoint
ALTER TABLE `audit_log` ADD `chain_hash` text;