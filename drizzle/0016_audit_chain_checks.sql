CREATE TABLE `audit_chain_checks` (
	`id` integer PRIMARY KEY NOT NULL,
	`checked_at` text NOT NULL,
	`ok` integer NOT NULL,
	`entries` integer NOT NULL,
	`entry_id` text,
	`entry_hash` text,
	`sentence` text NOT NULL,
	CONSTRAINT "audit_chain_checks_one_row" CHECK("audit_chain_checks"."id" = 1),
	CONSTRAINT "audit_chain_checks_ok" CHECK("audit_chain_checks"."ok" IN (0, 1) AND "audit_chain_checks"."entries" >= 0)
);
