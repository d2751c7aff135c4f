// The page tells the app, once, that its first screen's data is on screen (the contract's
// `firstScreenShown`): the start-up checks (the file's check, the start-up backup, the audit log's full
// check) wait for it so they do not share the disk and the main process with the first screen's reads
// (src/server/startup-gate.ts). Said after the frame with the data is painted; said at most once a page
// load; a failure to say it changes nothing (the checks begin after a fallback anyway).
import { afterNextPaint } from './after-paint';

let said = false;

export function sayFirstScreenShown(send: () => Promise<unknown>, painted: () => Promise<void> = () => afterNextPaint(250)): void {
  if (said) return;
  said = true;
  void painted()
    .then(send)
    .catch(() => {});
}

/** Whether it was said on this page (tests). */
export function firstScreenSaid(): boolean {
  return said;
}

/** A fresh page (tests only: a real page load starts with a fresh module). */
export function forgetFirstScreenForTests(): void {
  said = false;
}
