CREATE INDEX `audit_log_entity_at` ON `audit_log` (`entity`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_amendments` ON `audit_log` (`at`) WHERE reason <> '';--> statement-breakpoint
CREATE INDEX `meetings_status_day` ON `meetings` (`status`,`meeting_on`,`id`);--> statement-breakpoint
CREATE INDEX `referrals_status` ON `referrals` (`status`,`meeting_id`) WHERE deleted_at IS NULL;