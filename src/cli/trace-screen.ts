// Where a screen's time goes, in Chromium through the harness, on a copy of a chapter file (the file
// itself is never written): npx tsx src/cli/trace-screen.ts <chapter.sqlite> <screen id | load> [--renderer=<dir>] [--visits=N] [--profile-dir=<dir>]
//   <screen id>: from the Meeting screen to that screen (e.g. referrals, settings, reciprocity, outcomes);
//   load: the page loaded afresh until the Meeting screen shows its data.
// Prints, per visit: the wall time to the data on screen, the page's main-thread split (script, style,
// layout — Chromium's Performance metrics), the registry requests in the order they were asked (start,
// end, method), and the functions with the most self time in a CPU profile of the page. For readable
// function names build an unminified renderer into another folder and pass it with --renderer:
//   node -e "import('vite').then(async v=>{const r=(await import('@vitejs/plugin-react')).default;await v.build({root:'src/renderer',plugins:[r()],build:{outDir:'/tmp/renderer-plain',emptyOutDir:true,minify:false}})})"
// Figures only, no assertion.
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startHarness } from '../harness/server';
import { resolveBrowser } from './find-browser';

const [sourceFile, target = 'load'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
if (!sourceFile || !existsSync(sourceFile)) {
  console.log('Name a chapter file and a screen: npx tsx src/cli/trace-screen.ts /path/to/chapter.sqlite referrals');
  process.exit(1);
}
const visits = Number(option('visits') ?? 2);
/** The screen each visit starts from (the Meeting screen; Members for the Meeting screen itself). */
const from = option('from') ?? (target === 'meeting' ? 'members' : 'meeting');
const quiet = process.argv.includes('--quiet');
const walls: number[] = [];
const threads: number[] = [];

const watch = `(() => {
  const w = window;
  w.__inflight = 0; w.__requests = 0; w.__log = [];
  const fetch0 = w.fetch.bind(w);
  w.fetch = (...args) => {
    const url = String(args[0]);
    const api = url.startsWith('/api/');
    const entry = { method: url.replace('/api/', ''), start: performance.now(), end: 0 };
    if (api) { w.__inflight++; w.__requests++; w.__log.push(entry); }
    return fetch0(...args).finally(() => { if (api) { w.__inflight--; entry.end = performance.now(); } });
  };
  const loading = () => document.querySelector('.mantine-Loader-root') !== null;
  w.__settled = (t0, ready) => new Promise((resolve) => {
    let candidate = null;
    const frame = () => requestAnimationFrame(() => setTimeout(() => {
      const now = performance.now();
      const quiet = ready() && w.__inflight === 0 && !loading() && w.__requests > 0;
      if (!quiet) candidate = null;
      else if (candidate === null) candidate = now;
      else return resolve(candidate - t0);
      if (now - t0 > 60000) return resolve(-1);
      frame();
    }, 0));
    frame();
  });
})();`;

const folder = mkdtempSync(path.join(tmpdir(), 'ledger-trace-'));
const file = path.join(folder, 'chapter.sqlite');
for (const suffix of ['', '-wal']) if (existsSync(sourceFile + suffix)) copyFileSync(sourceFile + suffix, file + suffix);
const harness = await startHarness({ dbFile: file, rendererDir: option('renderer') });
const { executablePath } = resolveBrowser({ env: process.env, platform: process.platform, exists: existsSync, playwrightChromium: () => chromium.executablePath() });
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: watch });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const ready = (hash: string) => (hash === '' ? `() => document.querySelector('[aria-label="Meeting"]') !== null` : `() => window.location.hash === '${hash}'`);
  // Warm: the first load fills the cache and loads the screen's code once.
  await page.goto(harness.openUrl);
  await page.evaluate(`window.__settled(0, ${ready('')})`);
  if (target !== 'load') {
    await page.evaluate((h) => (window.location.hash = h), `#/${target}`);
    await page.evaluate(`window.__settled(performance.now(), ${ready(`#/${target}`)})`);
    await page.evaluate((h) => (window.location.hash = h), `#/${from}`);
    await page.evaluate(`window.__settled(performance.now(), ${ready(`#/${from}`)})`);
  }
  for (let visit = 0; visit < visits; visit++) {
    await page.waitForTimeout(300);
    const before = await metrics();
    await cdp.send('Profiler.start');
    let wall: number;
    if (target === 'load') {
      await page.goto(harness.openUrl);
      wall = (await page.evaluate(`window.__settled(0, ${ready('')})`)) as number;
    } else {
      await page.evaluate(() => { (window as unknown as { __log: unknown[] }).__log = []; });
      const t0 = await page.evaluate((h) => { const at = performance.now(); window.location.hash = h; return at; }, `#/${target}`);
      wall = ((await page.evaluate(`window.__settled(${t0}, ${ready(`#/${target}`)})`)) as number);
    }
    const { profile } = await cdp.send('Profiler.stop');
    // --profile-dir: each visit's CPU profile kept, for a look at who called what (Chrome's Performance panel opens it).
    if (option('profile-dir')) writeFileSync(path.join(option('profile-dir')!, `${target.replace(/\W/g, '-')}-${visit + 1}.cpuprofile`), JSON.stringify(profile));
    const after = await metrics();
    const d = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
    const log = (await page.evaluate(() => (window as unknown as { __log: Array<{ method: string; start: number; end: number }> }).__log)) ?? [];
    walls.push(wall);
    threads.push(target === 'load' ? after.ThreadTime! * 1000 : d('ThreadTime'));
    if (!quiet) {
      console.log(`\n${target} visit ${visit + 1}: ${wall.toFixed(0)} ms wall · page ThreadTime ${(target === 'load' ? after.ThreadTime! * 1000 : d('ThreadTime')).toFixed(0)} ms · script ${d('ScriptDuration').toFixed(0)} · style ${d('RecalcStyleDuration').toFixed(0)} (${(after.RecalcStyleCount! - before.RecalcStyleCount!).toFixed(0)}×) · layout ${d('LayoutDuration').toFixed(0)} (${(after.LayoutCount! - before.LayoutCount!).toFixed(0)}×) · nodes ${after.Nodes}`);
      const t0 = target === 'load' ? 0 : log[0]?.start ?? 0;
      for (const r of log) console.log(`  request ${(r.start - t0).toFixed(0).padStart(5)} → ${(r.end - t0).toFixed(0).padStart(5)} ms  ${r.method}`);
      // Self time per function (µs from the sample deltas).
      const self = new Map<number, number>();
      const ids = profile.samples ?? [];
      const deltas = profile.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) self.set(ids[i]!, (self.get(ids[i]!) ?? 0) + (deltas[i + 1] ?? 0));
      const byName = new Map<string, number>();
      for (const node of profile.nodes) {
        const f = node.callFrame;
        const key = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url) : ''}:${f.lineNumber + 1}`;
        byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
      }
      const top = [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(option('top') ?? 25));
      for (const [name, us] of top) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${name}`);
    }
    if (target !== 'load') {
      await page.evaluate((h) => (window.location.hash = h), `#/${from}`);
      await page.evaluate(`window.__settled(performance.now(), ${ready(`#/${from}`)})`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`${target} from ${target === 'load' ? 'a fresh load' : from}, ${visits} visits: wall median ${median(walls).toFixed(0)} ms [${walls.map((w) => w.toFixed(0)).join(' ')}] · page main-thread CPU median ${median(threads).toFixed(0)} ms [${threads.map((w) => w.toFixed(0)).join(' ')}]`);
} finally {
  await browser.close();
  await harness.close();
  rmSync(folder, { recursive: true, force: true });
}
