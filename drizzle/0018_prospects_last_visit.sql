ALTER TABLE `prospects` ADD `last_visit_on` text;--> statement-breakpoint
CREATE INDEX `prospects_last_visit` ON `prospects` (`last_visit_on`,`stage`,`member_id`);--> statement-breakpoint
-- The day of each person's newest live visit, kept by the file in the transaction of any change to a visit.
UPDATE `prospects` SET last_visit_on = (SELECT max(m.meeting_on) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = prospects.id AND v.deleted_at IS NULL);--> statement-breakpoint
CREATE TRIGGER `prospects_last_visit_on_link` AFTER INSERT ON `prospect_visits` BEGIN
  UPDATE `prospects` SET last_visit_on = (SELECT max(m.meeting_on) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = prospects.id AND v.deleted_at IS NULL) WHERE id = NEW.prospect_id;
END;--> statement-breakpoint
CREATE TRIGGER `prospects_last_visit_on_unlink` AFTER DELETE ON `prospect_visits` BEGIN
  UPDATE `prospects` SET last_visit_on = (SELECT max(m.meeting_on) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = prospects.id AND v.deleted_at IS NULL) WHERE id = OLD.prospect_id;
END;--> statement-breakpoint
CREATE TRIGGER `prospects_last_visit_on_relink` AFTER UPDATE OF prospect_id, visitor_id ON `prospect_visits` WHEN NEW.prospect_id IS NOT OLD.prospect_id OR NEW.visitor_id IS NOT OLD.visitor_id BEGIN
  UPDATE `prospects` SET last_visit_on = (SELECT max(m.meeting_on) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = prospects.id AND v.deleted_at IS NULL) WHERE id IN (OLD.prospect_id, NEW.prospect_id);
END;--> statement-breakpoint
CREATE TRIGGER `prospects_last_visit_on_slip` AFTER UPDATE OF deleted_at, meeting_id ON `visitors` WHEN NEW.deleted_at IS NOT OLD.deleted_at OR NEW.meeting_id IS NOT OLD.meeting_id BEGIN
  UPDATE `prospects` SET last_visit_on = (SELECT max(m.meeting_on) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = prospects.id AND v.deleted_at IS NULL) WHERE id IN (SELECT prospect_id FROM prospect_visits WHERE visitor_id = NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `prospects_last_visit_on_meeting_day` AFTER UPDATE OF meeting_on ON `meetings` WHEN NEW.meeting_on IS NOT OLD.meeting_on BEGIN
  UPDATE `prospects` SET last_visit_on = (SELECT max(m.meeting_on) FROM prospect_visits pv CROSS JOIN visitors v ON v.id = pv.visitor_id JOIN meetings m ON m.id = v.meeting_id WHERE pv.prospect_id = prospects.id AND v.deleted_at IS NULL) WHERE id IN (SELECT pv.prospect_id FROM visitors v CROSS JOIN prospect_visits pv ON pv.visitor_id = v.id WHERE v.meeting_id = NEW.id);
END;
