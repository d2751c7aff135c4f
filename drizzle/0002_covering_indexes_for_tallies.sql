DROP INDEX `ceus_meeting`;--> statement-breakpoint
CREATE INDEX `ceus_meeting` ON `ceus` (`meeting_id`,`member_id`,`credits`,`deleted_at`);--> statement-breakpoint
DROP INDEX `one_to_ones_meeting`;--> statement-breakpoint
CREATE INDEX `one_to_ones_meeting` ON `one_to_ones` (`meeting_id`,`member_a_id`,`member_b_id`,`deleted_at`);--> statement-breakpoint
DROP INDEX `referrals_meeting`;--> statement-breakpoint
CREATE INDEX `referrals_meeting` ON `referrals` (`meeting_id`,`giver_id`,`receiver_id`,`kind`,`deleted_at`);--> statement-breakpoint
DROP INDEX `tyfcb_meeting`;--> statement-breakpoint
CREATE INDEX `tyfcb_meeting` ON `tyfcb_slips` (`meeting_id`,`closer_id`,`referrer_id`,`amount_minor`,`deleted_at`);--> statement-breakpoint
DROP INDEX `visitors_meeting`;--> statement-breakpoint
CREATE INDEX `visitors_meeting` ON `visitors` (`meeting_id`,`invited_by_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `attendance_meeting_marks` ON `attendance` (`meeting_id`,`member_id`,`mark`);