// Opening the app on a big chapter file: the window's first screen reads its data first; the start-up
// checks (the file's check over every page, the start-up backup, the audit log's full check) begin only
// once the page says that data is on screen (`firstScreenShown`), or after a fallback if it never says.
// The gate is what electron/main.ts wires to its window; here it is driven by the registry, a real
// chapter file and fake timers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { createRegistry, type Registry } from '../../src/server/registry';
import { checkThenBackUp, type AfterStartup } from '../../src/server/startup';
import { startupGate, startupChecksFallbackMs } from '../../src/server/startup-gate';
import { listBackups } from '../../src/services/backups';
import { loadDemoChapter } from '../../src/services/demo';
import { askEarly, earlyKeys, takeEarly } from '../../src/renderer/early';
import { firstScreenSaid, forgetFirstScreenForTests, sayFirstScreenShown } from '../../src/renderer/first-screen';
import type { LedgerApi, Meeting, MeetingSheet } from '../../src/shared/contract';
import { LedgerError } from '../../src/shared/errors';

const open: ChapterFile[] = [];
afterAll(() => {
  for (const c of open) if (!c.isClosed) c.close();
});

/** Timers the test fires by hand. */
function fakeTimers() {
  const pending: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  return {
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms, cleared: false };
      pending.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => void ((timer as { cleared: boolean }).cleared = true),
    /** Fires every timer due within `ms` of the start that was not cleared. */
    passed(ms: number) {
      for (const t of pending) if (!t.cleared && t.ms <= ms) {
        t.cleared = true;
        t.run();
      }
    },
    pending: () => pending.filter((t) => !t.cleared).length,
  };
}

/** The app as electron/main.ts builds it: a chapter file on disk, the gate, the registry answering the page. */
function appOn(file: string, timers = fakeTimers()) {
  const chapter = new ChapterFile(file, sourceMigrationsFolder, { integrityCheck: 'later' });
  open.push(chapter);
  const order: string[] = [];
  let checks: Promise<AfterStartup> | null = null;
  const gate = startupGate({
    begin: () => {
      order.push('checks begin');
      checks = checkThenBackUp(chapter);
    },
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  const registry = createRegistry({ get db() { return chapter.db; }, file, appVersion: 'test', chapterFile: chapter, firstScreenShown: () => gate.firstScreenShown() }, () => {});
  return { chapter, gate, registry, order, timers, checks: () => checks };
}

/** The renderer's client answered by the registry, each answer noted in `order`. */
function pageClient(registry: Registry, order: string[]): LedgerApi {
  return new Proxy({} as LedgerApi, {
    get: (_, method: string) => async (input?: unknown) => {
      const result = await registry.callAsync(method, input ?? {});
      order.push(`answered ${method}`);
      if (result.ok) return result.value;
      throw new LedgerError(result.error.code, result.error.message, result.error.field);
    },
  });
}

let file: string;
beforeEach(async () => {
  file = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-gate-')), 'chapter-ledger.sqlite');
  const chapter = new ChapterFile(file, sourceMigrationsFolder);
  loadDemoChapter(chapter.db, '2026-11-22');
  chapter.close();
  forgetFirstScreenForTests();
});

describe('the start-up checks wait for the first screen', () => {
  it('the window reads tonight\'s sheet with no check, backup or audit check begun; they begin when the page says the sheet is on screen', async () => {
    const app = appOn(file);
    const ledger = pageClient(app.registry, app.order);
    // What the page does as it starts (early.ts), then the Meeting screen taking tonight's sheet.
    askEarly(ledger, '', async () => {}, new EventTarget());
    const meetings = await takeEarly<Meeting[]>(earlyKeys.meetings, () => ledger.listMeetings({}));
    expect(meetings.length).toBeGreaterThan(0);
    const sheet = await takeEarly<MeetingSheet>(earlyKeys.sheet(meetings[0]!.id), () => ledger.getMeetingSheet({ meetingId: meetings[0]!.id }));
    expect(sheet.slips.length).toBeGreaterThan(0);
    // Every request the page made as it started has been answered (the registry answers without I/O
    // waits: one task later every chain of answers has run).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.order.filter((o) => o === 'answered getMeetingSheet').length).toBeGreaterThan(0);
    expect(app.gate.begun).toBe(false);
    expect(app.chapter.integrity).toEqual({ state: 'pending' });
    expect(listBackups(file)).toEqual([]);

    // The screen draws the sheet, the frame is painted, and the page says so.
    let paint!: () => void;
    sayFirstScreenShown(() => ledger.firstScreenShown(), () => new Promise<void>((resolve) => (paint = resolve)));
    await Promise.resolve();
    expect(app.gate.begun).toBe(false);
    paint();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.gate.beganBy).toBe('first-screen');
    expect(app.order.indexOf('checks begin')).toBeGreaterThan(app.order.lastIndexOf('answered getMeetingSheet'));
    expect(app.order.indexOf('checks begin')).toBeLessThan(app.order.indexOf('answered firstScreenShown'));
    // Then the checks run as before: the file is sound, the start-up backup is taken, the audit log checked.
    expect(await app.checks()).toMatchObject({ outcome: 'sound', backup: { reason: 'startup' }, auditLog: { ok: true } });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['startup']);
    // The fallback will not run them a second time.
    app.timers.passed(startupChecksFallbackMs);
    expect(app.order.filter((o) => o === 'checks begin')).toHaveLength(1);
  });

  it('the page says it once: a second screen, a reload or a second "shown" does not begin the checks again', async () => {
    const app = appOn(file);
    expect(await app.registry.callAsync('firstScreenShown', {})).toEqual({ ok: true, value: { began: true } });
    expect(await app.registry.callAsync('firstScreenShown', {})).toEqual({ ok: true, value: { began: false } });
    expect(app.order).toEqual(['checks begin']);
    await app.checks();
    // In the page: said once whatever the screens do after.
    const sent: string[] = [];
    sayFirstScreenShown(async () => sent.push('shown'), async () => {});
    sayFirstScreenShown(async () => sent.push('shown again'), async () => {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual(['shown']);
    expect(firstScreenSaid()).toBe(true);
  });

  it('a page that never says (a crash, a screen that never settles) still gets the checks after the fallback, so a damaged file is always found', async () => {
    const timers = fakeTimers();
    const app = appOn(file, timers);
    expect(timers.pending()).toBe(1);
    timers.passed(startupChecksFallbackMs - 1);
    expect(app.gate.begun).toBe(false);
    timers.passed(startupChecksFallbackMs);
    expect(app.gate.beganBy).toBe('fallback');
    expect(await app.checks()).toMatchObject({ outcome: 'sound', backup: { reason: 'startup' } });
    // The page saying it late changes nothing.
    expect(await app.registry.callAsync('firstScreenShown', {})).toEqual({ ok: true, value: { began: false } });
    expect(app.order).toEqual(['checks begin']);
  });

  it('when the page says it, the fallback timer is stopped', () => {
    const timers = fakeTimers();
    const app = appOn(file, timers);
    app.gate.firstScreenShown();
    expect(timers.pending()).toBe(0);
  });

  it('the test harness and other hosts without start-up checks answer "not begun" and change nothing', async () => {
    const chapter = new ChapterFile(file, sourceMigrationsFolder, { integrityCheck: 'later' });
    open.push(chapter);
    const registry = createRegistry({ db: chapter.db, file, appVersion: 'test', chapterFile: chapter }, () => {});
    expect(await registry.callAsync('firstScreenShown', {})).toEqual({ ok: true, value: { began: false } });
    expect(await registry.callAsync('firstScreenShown', { now: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(listBackups(file)).toEqual([]);
  });
});
