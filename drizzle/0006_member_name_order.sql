ALTER TABLE `chapter` ADD `name_order` text DEFAULT 'given_first' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `name_order` text;--> statement-breakpoint
ALTER TABLE `members` ADD `display_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `sort_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Names as shown and sorted, kept by the database so every query, screen and report agrees:
-- the member's own name order, else the chapter's; sorting is by family name in both orders.
UPDATE `members` SET display_name = CASE WHEN coalesce(name_order, (SELECT name_order FROM chapter LIMIT 1), 'given_first') = 'family_first' THEN last_name || CASE WHEN unicode(last_name) >= 11904 THEN '' ELSE ' ' END || first_name ELSE first_name || ' ' || last_name END, sort_name = last_name || ' ' || first_name;--> statement-breakpoint
CREATE TRIGGER `members_names_on_insert` AFTER INSERT ON `members` BEGIN
  UPDATE `members` SET display_name = CASE WHEN coalesce(name_order, (SELECT name_order FROM chapter LIMIT 1), 'given_first') = 'family_first' THEN last_name || CASE WHEN unicode(last_name) >= 11904 THEN '' ELSE ' ' END || first_name ELSE first_name || ' ' || last_name END, sort_name = last_name || ' ' || first_name WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `members_names_on_update` AFTER UPDATE OF first_name, last_name, name_order ON `members` BEGIN
  UPDATE `members` SET display_name = CASE WHEN coalesce(name_order, (SELECT name_order FROM chapter LIMIT 1), 'given_first') = 'family_first' THEN last_name || CASE WHEN unicode(last_name) >= 11904 THEN '' ELSE ' ' END || first_name ELSE first_name || ' ' || last_name END, sort_name = last_name || ' ' || first_name WHERE id = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `chapter_name_order_on_insert` AFTER INSERT ON `chapter` BEGIN
  UPDATE `members` SET display_name = CASE WHEN coalesce(name_order, (SELECT name_order FROM chapter LIMIT 1), 'given_first') = 'family_first' THEN last_name || CASE WHEN unicode(last_name) >= 11904 THEN '' ELSE ' ' END || first_name ELSE first_name || ' ' || last_name END, sort_name = last_name || ' ' || first_name;
END;--> statement-breakpoint
CREATE TRIGGER `chapter_name_order_on_update` AFTER UPDATE OF name_order ON `chapter` BEGIN
  UPDATE `members` SET display_name = CASE WHEN coalesce(name_order, (SELECT name_order FROM chapter LIMIT 1), 'given_first') = 'family_first' THEN last_name || CASE WHEN unicode(last_name) >= 11904 THEN '' ELSE ' ' END || first_name ELSE first_name || ' ' || last_name END, sort_name = last_name || ' ' || first_name;
END;--> statement-breakpoint
-- Only the two orders the app knows (ALTER TABLE cannot add a CHECK to an existing table).
CREATE TRIGGER `members_name_order_check` BEFORE INSERT ON `members` WHEN NEW.name_order IS NOT NULL AND NEW.name_order NOT IN ('given_first', 'family_first') BEGIN
  SELECT RAISE(ABORT, 'members.name_order must be given_first or family_first');
END;--> statement-breakpoint
CREATE TRIGGER `members_name_order_check_update` BEFORE UPDATE OF name_order ON `members` WHEN NEW.name_order IS NOT NULL AND NEW.name_order NOT IN ('given_first', 'family_first') BEGIN
  SELECT RAISE(ABORT, 'members.name_order must be given_first or family_first');
END;--> statement-breakpoint
CREATE TRIGGER `chapter_name_order_check` BEFORE UPDATE OF name_order ON `chapter` WHEN NEW.name_order NOT IN ('given_first', 'family_first') BEGIN
  SELECT RAISE(ABORT, 'chapter.name_order must be given_first or family_first');
END;--> statement-breakpoint
CREATE TRIGGER `chapter_name_order_check_insert` BEFORE INSERT ON `chapter` WHEN NEW.name_order NOT IN ('given_first', 'family_first') BEGIN
  SELECT RAISE(ABORT, 'chapter.name_order must be given_first or family_first');
END;
