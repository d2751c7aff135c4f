DROP INDEX `prospect_visits_prospect`;--> statement-breakpoint
CREATE INDEX `prospect_visits_prospect` ON `prospect_visits` (`prospect_id`,`visitor_id`);--> statement-breakpoint
CREATE INDEX `visitors_live` ON `visitors` (`id`,`deleted_at`,`meeting_id`);