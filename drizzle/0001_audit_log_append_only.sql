-- The audit log is append-only in the database itself, whatever the application does.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed.');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be removed.');
END;
