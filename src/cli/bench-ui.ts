// npm run bench (part): the UI's own timings in Chromium through the harness, on a copy of a chapter
// file (the harness writes to the copy; the copy's folder is removed after):
//   - the page loaded afresh until the Meeting screen shows its data — the nearest thing to "the
//     window showing the Meeting screen, warm" without Electron (no Electron binary here): the same
//     renderer and registry, the browser warm, the chapter file opened once by the harness;
//   - every screen, from its shortcut (Ctrl+digit; the three leadership screens have none, so from
//     the link as a click would follow it) to the first frame with its data on screen.
// The page times itself: from the key's timeStamp (or the navigation's start) to the first painted
// frame where the screen's requests to the registry have all answered, no loader is shown, and that
// stays so for one more frame (a screen that asks twice in a row is not caught between its requests).
// Figures only, no assertion.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { repoRoot } from '../db/paths';
import { startHarness } from '../harness/server';
import { leadershipScreenKeys, screenKeys, settingsTabs } from '../shared/screens';
import { resolveBrowser } from './find-browser';

const VISITS = Number(process.env.BENCH_UI_VISITS ?? 3);
const LOADS = Number(process.env.BENCH_UI_LOADS ?? 5);

/** In the page before the app (a string: tsx would add helpers to a function that the page lacks). */
const watchRequests = `(() => {
  const w = window;
  w.__inflight = 0;
  w.__requests = 0;
  const fetch0 = w.fetch.bind(w);
  w.fetch = (...args) => {
    const api = String(args[0]).startsWith('/api/');
    if (api) { w.__inflight++; w.__requests++; }
    return fetch0(...args).finally(() => { if (api) w.__inflight--; });
  };
  const loading = () => document.querySelector('.mantine-Loader-root') !== null;
  // Resolves with the time of the first painted frame where the screen is settled (see above). A
  // screen that asks nothing (its data already in hand) is settled at its first quiet frame, once a
  // second has passed without a request.
  w.__settled = (t0, ready, requestsBefore) => new Promise((resolve, reject) => {
    let candidate = null;
    let candidateAsked = false;
    const frame = () => requestAnimationFrame(() => setTimeout(() => {
      const now = performance.now();
      const quiet = ready() && w.__inflight === 0 && !loading();
      const asked = w.__requests > requestsBefore;
      if (!quiet) candidate = null;
      else if (candidate === null || (asked && !candidateAsked)) { candidate = now; candidateAsked = asked; }
      else if (candidateAsked || now - t0 > 1000) return resolve(candidate - t0);
      if (now - t0 > 60000) return reject(new Error('the screen did not settle within a minute'));
      frame();
    }, 0));
    frame();
  });
  document.addEventListener('keydown', (e) => { w.__keyAt = e.timeStamp; }, true);
})();`;

export interface UiFigures {
  load: number[];
  /** Per load: this process's CPU plus the page's main-thread CPU (see below). */
  loadCpu: number[];
  /**
   * Per visit, beside the wall time: `serverCpu` is this process's CPU (the harness answering the
   * screen's requests, plus the bench's own small part), `pageCpu` the page's main-thread work
   * (Chromium's ThreadTime: the main thread's own CPU for script, layout, paint). On a shared machine the wall time includes
   * waiting for a core; the two CPU figures do not.
   */
  screens: Array<{ name: string; ms: number[]; serverCpu: number[]; pageCpu: number[]; requests: Array<Record<string, number>> }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/** "listOpenReferrals 412 ms, countOpenReferrals 96 ms, …": each method's CPU while answering (median over the visits), largest first. */
function requestsLine(visits: Array<Record<string, number>>): string {
  const methods = [...new Set(visits.flatMap((v) => Object.keys(v)))];
  const figures = methods.map((m) => ({ m, ms: median(visits.map((v) => v[m] ?? 0)) })).sort((a, b) => b.ms - a.ms);
  return figures.length === 0 ? 'none asked' : figures.map((f) => `${f.m} ${f.ms.toFixed(0)} ms`).join(', ');
}

/** `wanted`: the hash the screen lives at, or '' for a fresh load, ready when the Meeting screen's meeting picker is there. */
/** A screen that never settles is timed as a minute (and named), so the run goes on to the other screens. */
const NEVER = 60_000;
async function settledAfter(page: Page, wanted: string, requestsBefore: number, since: 'key' | 'navigation' | number): Promise<number> {
  return settledOrThrow(page, wanted, requestsBefore, since).catch((error: Error) => {
    console.log(`    ${wanted || 'the page load'}: ${error.message.split('\n')[0]} — counted as ${NEVER / 1000} s`);
    return NEVER;
  });
}
async function settledOrThrow(page: Page, wanted: string, requestsBefore: number, since: 'key' | 'navigation' | number): Promise<number> {
  return page.evaluate(
    ([hash, before, from]) => {
      const w = window as unknown as { __keyAt: number; __settled: (t0: number, ready: () => boolean, before: number) => Promise<number> };
      const t0 = from === 'key' ? w.__keyAt : from === 'navigation' ? 0 : (from as number);
      const ready = hash === '' ? () => document.querySelector('[aria-label="Meeting"]') !== null : () => window.location.hash === hash;
      return w.__settled(t0, ready, before as number);
    },
    [wanted, requestsBefore, since] as const,
  );
}

/** Returns null (and says why) when there is no built renderer or no browser. */
export async function runUiBench(sourceFile: string, label: string): Promise<UiFigures | null> {
  if (!existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) {
    console.log(`UI timings on ${label}: skipped, no built renderer (run "npx electron-vite build" first).`);
    return null;
  }
  let executablePath: string;
  try {
    executablePath = resolveBrowser({ env: process.env, platform: process.platform, exists: existsSync, playwrightChromium: () => chromium.executablePath() }).executablePath;
  } catch (error) {
    console.log(`UI timings on ${label}: skipped. ${(error as Error).message}`);
    return null;
  }
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-bench-ui-'));
  const file = path.join(folder, 'chapter.sqlite');
  for (const suffix of ['', '-wal']) if (existsSync(sourceFile + suffix)) copyFileSync(sourceFile + suffix, file + suffix);
  const harnessStarted = performance.now();
  // BENCH_UI_RENDERER_DIR: another built renderer (an A/B of two builds on the same file, back to back).
  // Each request's server CPU, so a screen's server time is split by method (which query to look at).
  let answered: Array<{ method: string; cpuMs: number }> = [];
  const harness = await startHarness({ dbFile: file, rendererDir: process.env.BENCH_UI_RENDERER_DIR || undefined, onAnswered: (method, cpuMs) => answered.push({ method, cpuMs }) });
  const harnessMs = performance.now() - harnessStarted;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const cpuStarted = process.cpuUsage();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: watchRequests });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageTaskMs = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
    };
    // The first load fills the browser's cache (scripts, fonts); the loads timed after it are warm.
    await page.goto(harness.openUrl);
    await settledAfter(page, '', 0, 'navigation');
    const load: number[] = [];
    const loadCpu: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const pageBefore = await pageTaskMs();
      const serverBefore = process.cpuUsage();
      await page.goto(harness.openUrl);
      // From the navigation's start (time origin 0) to the Meeting screen's data on screen.
      load.push(await settledAfter(page, '', 0, 'navigation'));
      const server = process.cpuUsage(serverBefore);
      // The renderer process's count goes on across the navigation; a new process (the count starts
      // again) means all of it is this load's.
      const pageAfter = await pageTaskMs();
      loadCpu.push((server.user + server.system) / 1000 + (pageAfter >= pageBefore ? pageAfter - pageBefore : pageAfter));
    }
    const screens: UiFigures['screens'] = [];
    const all = [
      ...screenKeys.filter((s) => s.digit !== null).map((s) => ({ id: s.id, name: `${s.label} (Ctrl+${s.digit})`, digit: s.digit as string | null })),
      ...screenKeys.filter((s) => s.digit === null).map((s) => ({ id: s.id, name: `${s.label} (link)`, digit: null })),
      ...leadershipScreenKeys.map((s) => ({ id: s.id, name: `${s.label} (link)`, digit: null })),
      // Settings opens on its first tab; each other tab is timed too, from a link straight to it.
      ...settingsTabs.slice(1).map((t) => ({ id: `settings/${t.value}`, name: `Settings › ${t.label} (link)`, digit: null })),
    ];
    for (const s of all) screens.push({ name: s.name, ms: [], serverCpu: [], pageCpu: [], requests: [] });
    for (let visit = 0; visit < VISITS; visit++) {
      for (const [i, s] of all.entries()) {
        // Each visit comes from another screen (the Meeting screen, or Members for the Meeting screen).
        const from = s.id === 'meeting' ? 'members' : 'meeting';
        if (!(await page.evaluate((h) => window.location.hash === h, `#/${from}`))) {
          await page.evaluate((h) => (window.location.hash = h), `#/${from}`);
          await settledAfter(page, `#/${from}`, await page.evaluate(() => (window as unknown as { __requests: number }).__requests) - 1, 'key').catch(() => 0);
          await page.waitForTimeout(50);
        }
        const before = await page.evaluate(() => (window as unknown as { __requests: number }).__requests);
        const pageBefore = await pageTaskMs();
        const serverBefore = process.cpuUsage();
        answered = [];
        let ms: number;
        if (s.digit) {
          await page.keyboard.press(`Control+${s.digit}`);
          ms = await settledAfter(page, `#/${s.id}`, before, 'key');
        } else {
          const t0 = await page.evaluate((h) => {
            const at = performance.now();
            window.location.hash = h;
            return at;
          }, `#/${s.id}`);
          ms = await settledAfter(page, `#/${s.id}`, before, t0);
        }
        const server = process.cpuUsage(serverBefore);
        screens[i]!.ms.push(ms);
        screens[i]!.serverCpu.push((server.user + server.system) / 1000);
        screens[i]!.pageCpu.push((await pageTaskMs()) - pageBefore);
        const byMethod: Record<string, number> = {};
        for (const a of answered) byMethod[a.method] = (byMethod[a.method] ?? 0) + a.cpuMs;
        screens[i]!.requests.push(byMethod);
      }
    }
    const cpu = process.cpuUsage(cpuStarted);
    const [one, five] = loadavg();
    console.log(`UI timings on ${label} (Chromium via the harness on a copy of the file; harness opened it in ${harnessMs.toFixed(0)} ms; load average ${one!.toFixed(1)} / ${five!.toFixed(1)}; harness + bench process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms over the run):`);
    console.log(`  page loaded afresh → Meeting screen's data on screen (proxy for the window, warm), ${LOADS} loads: median ${median(load).toFixed(0)} ms, p95 ${p95(load).toFixed(0)} ms; CPU (server + page) median ${median(loadCpu).toFixed(0)} ms`);
    console.log(`  each screen from its shortcut (or link) → its data on screen, ${VISITS} visits (the first loads the screen's code):`);
    for (const s of screens) {
      console.log(
        `    ${s.name.padEnd(40)} first ${s.ms[0]!.toFixed(0).padStart(5)} ms · median ${median(s.ms).toFixed(0).padStart(5)} ms · max ${Math.max(...s.ms).toFixed(0).padStart(5)} ms` +
          ` · CPU median: server ${median(s.serverCpu).toFixed(0).padStart(4)} ms, page ${median(s.pageCpu).toFixed(0).padStart(4)} ms`,
      );
      console.log(`      server CPU by request (median of its visits): ${requestsLine(s.requests)}`);
    }
    return { load, loadCpu, screens };
  } catch (error) {
    // The UI part never stops the bench: the other figures and the targets table still come.
    console.log(`UI timings on ${label}: stopped — ${(error as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    await browser.close();
    await harness.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The worst screen by its median visit, for the targets table. */
export function worstScreen(figures: UiFigures): { name: string; ms: number; cpu: number } {
  return figures.screens
    .map((s) => ({ name: s.name, ms: median(s.ms), cpu: median(s.serverCpu.map((server, i) => server + s.pageCpu[i]!)) }))
    .sort((a, b) => b.ms - a.ms)[0]!;
}
export { median as medianOf, p95 as p95Of };
