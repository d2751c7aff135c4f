CREATE TABLE `one_to_one_entered_order` (
	`one_to_one_id` text PRIMARY KEY NOT NULL,
	`first_member_id` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`one_to_one_id`) REFERENCES `one_to_ones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`first_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
