// npm run bench (part): keystroke-to-screen on the meeting screen, in Chromium through the harness,
// on the bench's big chapter file. A secretary types referral slips at a human pace (one key every
// 60 ms); the page itself times, from each key's keydown to the first frame painted after it:
//   - echo: a printable key until the frame showing it (member pickers filter the roster as you type;
//     plain text fields just echo),
//   - save: Enter until the frame where the saved slip is counted on the Slips tab (request to the
//     registry, save, meeting sheet reloaded, screen redrawn).
// "Painted" is the first task after the next animation frame, the usual way to see a frame from script.
// Figures only, no assertion: the machine is shared and noisy (the load average is printed beside them).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { repoRoot } from '../db/paths';
import { startHarness } from '../harness/server';
import { recordTarget } from './bench-targets';
import { resolveBrowser } from './find-browser';

// 24 saves: the p95 is then the 23rd of 24 (nearest rank), with the slowest printed beside it. Of 12 it was the slowest itself.
const SLIPS = Number(process.env.BENCH_SCREEN_SLIPS ?? 24);
const KEY_GAP_MS = 60;

type Sample = { kind: 'picker' | 'text' | 'choice' | 'save'; ms: number };

/**
 * Runs in the page before the app: times every key from keydown to the next painted frame. A string,
 * not a function: tsx rewrites functions with helpers (__name) that do not exist in the page.
 */
const timeKeys = `(() => {
  const w = window;
  performance.setResourceTimingBufferSize(10000);
  w.__samples = [];
  w.__expectSlips = null;
  w.__expectRow = null;
  w.__enters = [];
  w.__enterAt = null;
  const afterPaint = (done) => requestAnimationFrame(() => setTimeout(done, 0));
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    if (e.key === 'Enter') { w.__enterAt = t0; w.__enters.push(t0); return; }
    if (e.key.length !== 1 || e.altKey || e.ctrlKey || e.metaKey) return;
    // Member pickers are comboboxes; text inputs echo; anything else is a one-key choice (I/O, 1–5).
    const t = e.target;
    const kind = t.closest && t.closest('[role="combobox"], [aria-haspopup="listbox"]') ? 'picker' : t.matches && t.matches('input[type="text"], input:not([type]), textarea') ? 'text' : 'choice';
    afterPaint(() => w.__samples.push({ kind, ms: performance.now() - t0 }));
  }, true);
  const slipsTab = () => Array.from(document.querySelectorAll('[role="tab"]')).find((t) => /^Slips/.test(t.textContent || ''));
  // The saved slip is on screen when the Slips tab counts it and its row (its prospect) is in the list.
  const rowShown = () => {
    const list = document.querySelector('table[aria-label="Slips of this meeting"]');
    return !!list && Array.from(list.querySelectorAll('tbody tr')).some((tr) => (tr.textContent || '').includes(w.__expectRow));
  };
  new MutationObserver(() => {
    if (w.__expectSlips === null || w.__enterAt === null) return;
    const tab = slipsTab();
    if (!tab || tab.textContent.trim() !== 'Slips (' + w.__expectSlips + ')' || !rowShown()) return;
    const t0 = w.__enterAt;
    w.__expectSlips = null;
    w.__enterAt = null;
    afterPaint(() => w.__samples.push({ kind: 'save', ms: performance.now() - t0 }));
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const plain = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * `file` must be a closed chapter file with a draft meeting on `meetingOn` (the screen opens today's
 * meeting) and the given members; returns false (and says why) when there is no built renderer or browser.
 */
export async function runScreenBench(file: string, memberNames: string[], label = 'the 30,000-slip bench file'): Promise<boolean> {
  if (!existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) {
    console.log('Keystroke-to-screen: skipped, no built renderer (run "npx electron-vite build" first).');
    return false;
  }
  let executablePath: string;
  try {
    executablePath = resolveBrowser({ env: process.env, platform: process.platform, exists: existsSync, playwrightChromium: () => chromium.executablePath() }).executablePath;
  } catch (error) {
    console.log(`Keystroke-to-screen: skipped. ${(error as Error).message}`);
    return false;
  }
  // BENCH_RENDERER_DIR: another built renderer (e.g. an older commit's, for a before/after on the same server).
  const harness = await startHarness({ dbFile: file, ...(process.env.BENCH_RENDERER_DIR ? { rendererDir: process.env.BENCH_RENDERER_DIR } : {}) });
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // The CPU time of the page's main thread (Chromium's ThreadTime): the CPU the page spent, beside the wall time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busySeconds = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0);
    const busyPerSave: number[] = [];
    // The whole save on the main thread: until the sheet read again after it (totals, tonight's count) is drawn too.
    const busyWholeSave: number[] = [];
    await page.addInitScript({ content: timeKeys });
    await page.goto(harness.openUrl);
    const slipsTab = page.getByRole('tab', { name: /^Slips/ });
    await slipsTab.waitFor();
    let slips = Number(/\((\d+)\)/.exec((await slipsTab.textContent()) ?? '')?.[1] ?? 0);
    await page.keyboard.press('Alt+r');
    await page.getByRole('textbox', { name: 'From (giver)' }).waitFor();
    const names = memberNames.map(plain);
    // BENCH_SCREEN_TRACE=/path/trace.json: a Chromium performance trace of the typing and the saves.
    const tracePath = process.env.BENCH_SCREEN_TRACE;
    if (tracePath) await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler', 'loading', 'latencyInfo'] });
    const started = performance.now();
    for (let i = 0; i < SLIPS; i++) {
      const giver = names[i % names.length]!;
      const receiver = names[(i + 5) % names.length]!;
      await page.keyboard.type(giver, { delay: KEY_GAP_MS });
      await page.keyboard.press('Tab');
      await page.keyboard.type(receiver, { delay: KEY_GAP_MS });
      await page.keyboard.press('Tab');
      await page.keyboard.press(i % 3 ? 'o' : 'i');
      await page.keyboard.press('Tab');
      await page.keyboard.press(String((i % 5) + 1));
      await page.keyboard.press('Tab');
      await page.keyboard.type(`Bench household ${i + 1}`, { delay: KEY_GAP_MS });
      slips++;
      await page.evaluate(([n, row]) => Object.assign(window, { __expectSlips: n, __expectRow: row }), [slips, `Bench household ${i + 1}`] as const);
      const busyBefore = await busySeconds();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => Array.from(document.querySelectorAll('[role="tab"]')).some((t) => t.textContent?.trim() === `Slips (${n})`), slips, { timeout: 60_000 });
      busyPerSave.push((await busySeconds()) - busyBefore);
      const sheetDrawn = await page
        .waitForFunction(
          () => {
            const w = window as unknown as { __enters: number[] };
            const at = w.__enters[w.__enters.length - 1]!;
            return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some((e) => e.name.includes('/api/getMeetingSheet') && e.startTime >= at && e.responseEnd > 0);
          },
          undefined,
          { timeout: 10_000 },
        )
        .then(() => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))))
        .catch(() => false);
      if (sheetDrawn) busyWholeSave.push((await busySeconds()) - busyBefore);
    }
    const seconds = (performance.now() - started) / 1000;
    if (tracePath) await browser.stopTracing();
    await page.waitForTimeout(100);
    const samples = await page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
    // The requests' share of Enter → row: the save and the sheet read again, as the page saw them (loopback HTTP + registry).
    const requests = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\/api\/(saveReferral|getMeetingSheet)/.test(e.name))
        .map((e) => ({ method: /\/api\/(\w+)/.exec(e.name)![1]!, ms: e.responseEnd - e.startTime, start: e.startTime, end: e.responseEnd })),
    );
    const enters = await page.evaluate(() => (window as unknown as { __enters: number[] }).__enters);
    // Each Enter until its save request leaves, and until the sheet's answer is in (the rest is drawing).
    const sentAfter: number[] = [];
    const sheetInAfter: number[] = [];
    // Each Enter's wall time split in two: until the save's answer is in (request: server, disk, waiting for a core),
    // and from that answer until the row is on screen (the page drawing it, one frame).
    const answeredAfter: number[] = [];
    const rowAfterAnswer: number[] = [];
    const saveSamples = samples.filter((x) => x.kind === 'save').map((x) => x.ms);
    enters.forEach((at, i) => {
      const save = requests.find((r) => r.method === 'saveReferral' && r.start >= at);
      const sheetRead = save && requests.find((r) => r.method === 'getMeetingSheet' && r.start >= save.end - 1);
      if (save) sentAfter.push(save.start - at);
      if (sheetRead) sheetInAfter.push(sheetRead.end - at);
      if (save && saveSamples.length === enters.length) {
        answeredAfter.push(save.end - at);
        rowAfterAnswer.push(saveSamples[i]! - (save.end - at));
      }
    });
    const figure = (kind: Sample['kind'], unit: string) => {
      const ms = samples.filter((s) => s.kind === kind).map((s) => s.ms).sort((a, b) => a - b);
      if (ms.length === 0) return 'no samples';
      const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
      return `median ${at(0.5).toFixed(1)} ms   p95 ${at(0.95).toFixed(1)} ms   max ${ms[ms.length - 1]!.toFixed(1)} ms   (${ms.length} ${unit}; p95 = ${(at(0.95) / (1000 / 60)).toFixed(1)} frames at 60 Hz)`;
    };
    const [one, five] = loadavg();
    console.log(`Keystroke-to-screen on the meeting screen, ${label} (Chromium via the harness, ${SLIPS} referral slips typed at one key per ${KEY_GAP_MS} ms in ${seconds.toFixed(1)} s; load average ${one!.toFixed(1)} / ${five!.toFixed(1)} on ${process.platform}):`);
    console.log(`  a key typed in a member picker (the list filters) → on screen: ${figure('picker', 'keys')}`);
    console.log(`  a key typed in a text field → on screen: ${figure('text', 'keys')}`);
    console.log(`  a one-key choice (inside/outside, temperature) → on screen: ${figure('choice', 'keys')}`);
    console.log(`  Enter → the saved slip counted and its row shown on screen: ${figure('save', 'saves')}`);
    const requestMedian = (method: string) => {
      const ms = requests.filter((r) => r.method === method).map((r) => r.ms).sort((a, b) => a - b);
      return ms.length ? `${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms` : 'not seen';
    };
    const mid = (xs: number[]) => (xs.length ? `${[...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1)} ms` : 'not seen');
    console.log(`    of which the requests (median, as the page saw them): saveReferral ${requestMedian('saveReferral')}, getMeetingSheet ${requestMedian('getMeetingSheet')}; Enter → save sent ${mid(sentAfter)}, Enter → the sheet's answer in ${mid(sheetInAfter)}`);
    const p95 = (xs: number[]) => (xs.length ? `${[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!.toFixed(1)} ms` : 'not seen');
    console.log(`    split: Enter → the save's answer in median ${mid(answeredAfter)}, p95 ${p95(answeredAfter)}; the save's answer → the row on screen median ${mid(rowAfterAnswer)}, p95 ${p95(rowAfterAnswer)}`);
    const saves = samples.filter((s) => s.kind === 'save').map((s) => s.ms).sort((a, b) => a - b);
    const busy = busyPerSave.map((b) => b * 1000).sort((a, b) => a - b);
    const busyP95 = busy[Math.min(busy.length - 1, Math.floor(0.95 * busy.length))]!;
    console.log(`    the page's main thread used (CPU time of its main thread, Chromium's ThreadTime, Enter until the count shows) median ${busy[Math.floor(busy.length / 2)]!.toFixed(1)} ms, p95 ${busyP95.toFixed(1)} ms — the rest of the wall time is the server and waiting for a core`);
    const whole = busyWholeSave.map((b) => b * 1000).sort((a, b) => a - b);
    const wholeFigure = whole.length ? `median ${whole[Math.floor(whole.length / 2)]!.toFixed(1)} ms, p95 ${whole[Math.min(whole.length - 1, Math.floor(0.95 * whole.length))]!.toFixed(1)} ms (${whole.length} saves)` : 'not seen';
    console.log(`    the whole save on the main thread, until the sheet read again after it (totals, tonight's count) is drawn too: ${wholeFigure}`);
    if (saves.length > 0) recordTarget('enter-to-row', saves[Math.min(saves.length - 1, Math.floor(0.95 * saves.length))]!, `${label}, ${saves.length} saves (the slowest ${saves[saves.length - 1]!.toFixed(1)} ms, the median ${saves[Math.floor(saves.length / 2)]!.toFixed(1)} ms), load average ${one!.toFixed(1)}; CPU = the page's main-thread CPU time until the row shows; the whole save until the totals are drawn: ${wholeFigure}`, busyP95);
    return true;
  } catch (error) {
    // A stuck page never stops the bench: the other figures and the targets table still come.
    console.log(`Keystroke-to-screen on ${label}: stopped — ${(error as Error).message.split('\n')[0]}`);
    return false;
  } finally {
    await browser.close();
    await harness.close();
  }
}
