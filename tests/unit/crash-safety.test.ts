import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { openDatabase } from '../../src/db/open';
import { loadDemoChapter } from '../../src/services/demo';
import { createMeeting } from '../../src/services/meetings';
import { listMembers } from '../../src/services/members';

/*
 * A child process writes slips through the registry; the test kills it with SIGKILL at a random
 * moment, 40 times (CRASH_RUNS=100 for a longer run). Every time the file must pass integrity_check and hold every write that had
 * returned success. (The child is bundled once with esbuild so each start takes ~0.1 s, not a TS compile.)
 */
// 40 by default: each run starts a Node process that opens the file as the app does (checks, statistics),
// about a second on the 2-core CI box, and the whole suite must stay within its time.
const KILLS = Number(process.env.CRASH_RUNS ?? 40);

describe('a crash in the middle of writing', () => {
  it(`loses nothing that was saved and never damages the file (${KILLS} SIGKILLs)`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-crash-'));
    const file = path.join(dir, 'chapter.sqlite');
    const log = path.join(dir, 'saved.log');
    writeFileSync(log, '');
    const setup = openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
    loadDemoChapter(setup.db, '2026-11-22');
    const meeting = createMeeting(setup.db, { meetingOn: '2026-11-24' });
    const members = listMembers(setup.db, { scope: 'current' }).filter((m) => m.status === 'active').map((m) => m.id);
    setup.close();

    // Bundled inside the project (.tmp is git-ignored) so it finds better-sqlite3 in node_modules.
    mkdirSync('.tmp', { recursive: true });
    const child = path.resolve('.tmp', `crash-writer-${process.pid}.mjs`);
    buildSync({ entryPoints: ['tests/support/crash-writer.ts'], bundle: true, platform: 'node', format: 'esm', outfile: child, packages: 'external', logLevel: 'silent' });

    let failures = 0;
    let lastCount = 0;
    for (let run = 0; run < KILLS; run++) {
      const proc = spawn(process.execPath, [child, file, sourceMigrationsFolder, log, meeting.id, ...members], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (d) => (stderr += d));
      await new Promise<void>((resolve, reject) => {
        proc.stdout.once('data', () => resolve());
        proc.once('exit', (code) => reject(new Error(`writer exited (${code}) before it was ready: ${stderr}`)));
      });
      await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 120)));
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;

      const db = new Database(file);
      const integrity = db.pragma('integrity_check', { simple: true });
      const saved = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split(' ') as [string, string]);
      const missing = saved.filter(([kind, id]) => !db.prepare(`SELECT 1 FROM ${kind === 'tyfcb' ? 'tyfcb_slips' : 'referrals'} WHERE id = ? AND deleted_at IS NULL`).get(id));
      db.close();
      if (integrity !== 'ok' || missing.length > 0) failures++;
      expect(integrity).toBe('ok');
      expect(missing).toEqual([]);
      expect(saved.length).toBeGreaterThanOrEqual(lastCount);
      lastCount = saved.length;
    }
    expect(failures).toBe(0);
    // The runs really wrote: on average several saves between start and kill.
    expect(lastCount).toBeGreaterThan(KILLS);
  }, 300_000);
});
