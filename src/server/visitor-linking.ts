// Linking a backlog of visitor slips to their people behind the screens. A file from before the
// visitor pipeline (or after a large import) can hold tens of thousands of visitor slips never
// linked; linking them all when This week or Visitors first opens kept those screens away for a
// minute on a million-slip file. The screens now open at once with what is linked so far and say
// how many slips wait (services/visitors.ts lookAtVisitorSlips); this links the rest a batch at a
// time, each batch its own short transaction, letting the app's requests in between the batches.
import type { Db } from '../db/open';
import { syncVisitorPipeline } from '../services/visitors';

/** Slips per batch: about 50–100 ms of work, so a request arriving meanwhile waits no longer than that. */
export const visitorLinkingBatch = 200;

/** The pause between two batches, for the app's own requests. */
export const visitorLinkingPauseMs = 25;

const running = new WeakSet<object>();

/**
 * Starts linking the backlog of the open file (`currentDb` is asked again before every batch: after a
 * restore or a switch the work goes on in the file now open, which says itself whether it has a
 * backlog). Does nothing when a run is already going for this host. Resolves when none is left.
 */
export function linkVisitorSlipsBehind(host: object, currentDb: () => Db, log: (message: string, error: unknown) => void): Promise<void> {
  if (running.has(host)) return Promise.resolve();
  running.add(host);
  return new Promise<void>((resolve) => {
    const step = () => {
      try {
        const db = currentDb();
        const done = db.transaction((tx) => syncVisitorPipeline(tx, visitorLinkingBatch)) < visitorLinkingBatch;
        if (!done) {
          // A pause between batches, not only a turn of the event loop: a screen's requests arrive in
          // several steps (connection, body, answer), each needing the loop while no batch runs.
          setTimeout(step, visitorLinkingPauseMs);
          return;
        }
      } catch (error) {
        // A closed file (quitting, switching) or a busy one: the next screen that looks starts again.
        log('linking visitor slips behind the screens stopped', error);
      }
      running.delete(host);
      resolve();
    };
    setImmediate(step);
  });
}
