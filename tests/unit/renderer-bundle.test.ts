// The window opens on the JavaScript the renderer's index.html loads before the first screen: the
// entry and the chunks it preloads. That stays small (parsed on every start-up, on old laptops
// too), and holds no zod and no server code: input is checked in the main process, by the contract.
// Reads the build in out/renderer (npm test builds first).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const root = path.resolve('out/renderer');
const BUDGET_GZIP_BYTES = 250 * 1024;

function initialScripts(): string[] {
  const html = readFileSync(path.join(root, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  // Static imports of the entry load before it runs, preloaded or not: follow them too.
  const seen = new Set<string>();
  const visit = (relative: string) => {
    const file = path.resolve(root, relative);
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},\s*$]+from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      visit(path.relative(root, path.resolve(path.dirname(file), m[1]!)));
    }
  };
  for (const script of [...entries, ...preloads]) visit(script);
  return [...seen];
}

const mentionsZod = (code: string) => /\$Zod|ZodError|ZodType|_zod\b/.test(code);

describe('the renderer the window loads at start-up', () => {
  it.skipIf(!existsSync(path.join(root, 'index.html')))('is at most 250 KB gzip, minified, with no zod and no server code', () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const code = files.map((f) => readFileSync(f, 'utf8'));
    const gzip = code.reduce((sum, c) => sum + gzipSync(c).length, 0);
    console.log(`renderer initial JS: ${files.length} files, ${(code.reduce((s, c) => s + c.length, 0) / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(0)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    // Minified: lines thousands of characters long, where an unminified build averages ~40.
    const all = code.join('\n');
    expect(all.length / all.split('\n').length, 'the start-up JavaScript is not minified').toBeGreaterThan(1000);
    for (const [i, c] of code.entries()) {
      expect(mentionsZod(c), `${path.basename(files[i]!)} holds zod`).toBe(false);
      expect(c, `${path.basename(files[i]!)} holds server code`).not.toMatch(/better-sqlite3|drizzle-orm|node:fs|pdfmake/);
    }
  });

  it.skipIf(!existsSync(path.join(root, 'index.html')))('loads each screen when it is first shown, in a chunk of its own', () => {
    const assets = readdirSync(path.join(root, 'assets'));
    for (const screen of ['MeetingScreen', 'ReciprocityScreen', 'MembersScreen', 'SettingsScreen', 'AuditLogScreen']) {
      expect(assets.some((a) => a.startsWith(`${screen}-`) && a.endsWith('.js')), screen).toBe(true);
    }
  });
});
