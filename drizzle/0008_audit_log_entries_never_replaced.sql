-- An audit entry, once written, is never written over: INSERT OR REPLACE (and REPLACE, and an
-- upsert) with the id or the rowid of an existing entry would delete it on the quiet. Refused here,
-- whatever conflict clause the statement carries.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id` OR `rowid` = NEW.`rowid`)
BEGIN
	SELECT RAISE(ABORT, 'The audit log is append-only: an existing entry cannot be replaced.');
END;
