// Enter → the new row on the Meeting screen alone, on a chapter file you name (a copy of it is used; the
// file itself is never written): npx tsx src/cli/bench-screen-alone.ts /path/to/chapter.sqlite
// The copy gets tonight's meeting as a draft if it has none (the Meeting screen opens today's). Build the
// renderer first (npx electron-vite build). BENCH_SCREEN_TRACE=/path/trace.json also records a Chromium
// performance trace of the saves (open it in Chrome's Performance panel). Figures only.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { sourceMigrationsFolder } from '../db/paths';
import { createRegistry, type Registry } from '../server/registry';
import { todayIso } from '../shared/dates';
import { runScreenBench } from './bench-screen';
import { printTargetTable } from './bench-targets';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('Name a chapter file: npx tsx src/cli/bench-screen-alone.ts /path/to/chapter.sqlite');
  process.exit(1);
}
const must = (api: Registry, method: string, input: unknown): any => {
  const result = api.call(method, input) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
};
const folder = mkdtempSync(path.join(tmpdir(), 'ledger-screen-'));
try {
  const ui = path.join(folder, 'ui.sqlite');
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, ui + suffix);
  const opened = openDatabase(ui, { migrationsFolder: sourceMigrationsFolder });
  const api = createRegistry({ db: opened.db, file: ui, appVersion: 'bench' }, () => {});
  const today = opened.sqlite.prepare('SELECT status FROM meetings WHERE meeting_on = ?').pluck().get(todayIso()) as string | undefined;
  if (!today) must(api, 'createMeeting', { meetingOn: todayIso(), confirmDate: true });
  const names = (must(api, 'listMembers', { scope: 'current' }) as Array<{ fullName: string; status: string }>).filter((m) => m.status === 'active').map((m) => m.fullName);
  opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  opened.close();
  if (today && today !== 'draft') console.log("Today's meeting in this file is already closed: nothing to type into.");
  else if (await runScreenBench(ui, names, path.basename(file))) printTargetTable();
} finally {
  rmSync(folder, { recursive: true, force: true });
}
