// How long the app's notices (toasts) stay, in one place. Every notice closes by itself; the only one
// that waits is a delete's "Undo" notice, and only while that delete can still be undone (the Meeting
// screen hides it the moment it is undone, or the meeting on screen changes). At most three are shown at
// once, so they never pile up over the screen; hovering one pauses that one only.
import type { NotificationsProps } from '@mantine/notifications';

export const notificationSettings = {
  position: 'top-right',
  autoClose: 5000,
  limit: 3,
  pauseResetOnHover: 'notification',
} satisfies Partial<NotificationsProps>;
