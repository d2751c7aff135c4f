// The report engine's shortcuts must not change what is printed:
//  - page writing kept as text until a page ends (src/reports/pdf-writing.ts): every report's bytes equal;
//  - a grid's rules drawn whole (src/reports/table-lines.ts): the same lines in the same places (their
//    union, page by page, equals pdfmake's per-cell pieces), other tables' bytes untouched.
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { openTestDb, testRegistry } from '../support/db';
import { loadDemoChapter } from '../../src/services/demo';
import { fastPdfWriting } from '../../src/reports/pdf-writing';
import { wholeTableRules } from '../../src/reports/table-lines';
import { renderPdf } from '../../src/reports/render';
import { dataTable, documentFrame } from '../../src/reports/layout';
import { sourceFontsDir } from '../../src/db/paths';
import { okValue as ok } from '../support/first-quarter';

const fonts = { fontsDir: sourceFontsDir };

/** Every page's drawing operations, decompressed, in page order. */
function pageStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /\/Length (\d+)\s*\/Filter \/FlateDecode\s*>>\s*stream\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const body = inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1');
    if (/\bBT\b/.test(body)) out.push(body);
  }
  return out;
}

/** The vertical (or horizontal) lines a page strokes ("x1 y1 m x2 y2 l"), as covered intervals per x (per y), touching ones joined. */
function rules(stream: string, vertical = true): Map<string, Array<[number, number]>> {
  const byX = new Map<string, Array<[number, number]>>();
  const re = /(-?[\d.]+) (-?[\d.]+) m\n(-?[\d.]+) (-?[\d.]+) l\n/g;
  for (let m = re.exec(stream); m; m = re.exec(stream)) {
    const [x1, y1, x2, y2] = [m[1]!, m[2]!, m[3]!, m[4]!];
    if (vertical ? x1 !== x2 : y1 !== y2) continue;
    const at = vertical ? x1 : y1;
    const [a, b] = (vertical ? [Number(y1), Number(y2)] : [Number(x1), Number(x2)]).sort((p, q) => p - q) as [number, number];
    (byX.get(at) ?? byX.set(at, []).get(at)!).push([a, b]);
  }
  for (const [x, spans] of byX) {
    spans.sort((p, q) => p[0] - q[0]);
    const joined: Array<[number, number]> = [];
    for (const s of spans) {
      const last = joined[joined.length - 1];
      if (last && s[0] <= last[1] + 1e-6) last[1] = Math.max(last[1], s[1]);
      else joined.push([...s]);
    }
    byX.set(x, joined);
  }
  return byX;
}

const lineCount = (stream: string) => (stream.match(/ l\n/g) ?? []).length;

/** A grid like the audit's matrix: thin rules round every cell, shaded cells, a header row repeated on each page. */
function grid(rows: number, whole: boolean): TDocumentDefinitions {
  const n = 12;
  const body = [
    ['Giver', ...Array.from({ length: n }, (_, i) => String(i + 1)), 'Given'],
    ...Array.from({ length: rows }, (_, r) => [
      `${r + 1} Member Nº ${r + 1} 王小明`,
      // A patch of cells without borders in the middle: the rules have gaps there, and must keep them.
      ...Array.from({ length: n }, (_, c) => ({ ...((r + c) % 3 ? { text: '' } : { text: String((r * c) % 9), fillColor: '#63c5a9' }), ...(r >= 4 && r <= 6 && c >= 3 && c <= 5 ? { border: [false, false, false, false] } : {}) })),
      { text: String(r), bold: true },
    ]),
  ];
  return documentFrame({ chapterName: 'Grid', title: 'Grid', producedAt: new Date('2026-11-17T20:00:00Z'), locale: 'en-US', timeZone: 'UTC', landscape: true }, [
    { text: 'Who referred whom', style: 'h2' },
    {
      fontSize: 6,
      table: { headerRows: 1, widths: [120, ...Array.from({ length: n }, () => 20), 30], body, ...(whole ? { wholeRules: true } : {}) } as never,
      layout: { hLineWidth: () => 0.25, vLineWidth: () => 0.25, hLineColor: () => '#ced4da', vLineColor: () => '#ced4da', paddingLeft: () => 1, paddingRight: () => 1 },
    },
    { text: 'After the grid.' },
  ]);
}

describe('the report engine’s shortcuts print the same pages', () => {
  it('every report (weekly, statement, quarterly audit, renewal pack) has the same bytes with page writing kept as text as with pdfkit’s own, names in Chinese, Arabic and Hindi too', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db);
    const ids = opened.sqlite.prepare("SELECT id FROM members WHERE status = 'active' ORDER BY sort_name LIMIT 3").pluck().all() as string[];
    const names: Array<[string, string]> = [['王', '小明'], ['حداد', 'نادية'], ['शर्मा', 'प्रिया']];
    ids.forEach((id, i) => opened.sqlite.prepare('UPDATE members SET last_name = ?, first_name = ?, display_name = ?, sort_name = ? WHERE id = ?').run(names[i]![0], names[i]![1], `${names[i]![1]} ${names[i]![0]}`, `${names[i]![0]} ${names[i]![1]}`, id));
    const meetingId = opened.sqlite.prepare("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
    const producedAt = '2026-11-23T18:00:00.000Z';
    const inputs = [
      { report: 'weekly_meeting', meetingId, producedAt },
      { report: 'member_statement', memberId: ids[1], from: '2026-08-01', to: '2026-10-31', producedAt },
      { report: 'quarterly_audit', from: '2026-07-01', producedAt },
    ];
    const print = async (on: boolean) => {
      fastPdfWriting(on);
      const out: string[] = [];
      for (const input of inputs) out.push(ok<{ pdfBase64: string }>(await api.callAsync('produceReport', input)).pdfBase64);
      out.push(ok<{ pdfBase64: string }>(await api.callAsync('renewalPackPdf', { memberId: ids[0], producedAt })).pdfBase64);
      return out;
    };
    // The audit's cover says how its chain was verified: the first print checks it all and records the check, later ones start from it.
    ok(await api.callAsync('produceReport', inputs[2]));
    try {
      const fast = await print(true);
      const own = await print(false);
      expect(fast).toHaveLength(4);
      for (const [i, bytes] of fast.entries()) expect(bytes === own[i], `report ${i + 1}`).toBe(true);
    } finally {
      fastPdfWriting(true);
    }
  }, 120_000);

  it('a grid marked for whole rules strokes, page by page, exactly the lines pdfmake draws cell by cell (vertical and horizontal) — over a page break with its header repeated — with far fewer lines', async () => {
    const rows = 130; // three landscape pages at this size
    const perCell = pageStreams(await renderPdf(grid(rows, false), fonts));
    const whole = pageStreams(await renderPdf(grid(rows, true), fonts));
    expect(perCell.length).toBeGreaterThanOrEqual(2);
    expect(whole).toHaveLength(perCell.length);
    for (const [page, stream] of whole.entries()) {
      const own = rules(perCell[page]!);
      expect(own.size, `page ${page + 1} has vertical rules`).toBeGreaterThan(10);
      expect(rules(stream), `page ${page + 1}`).toEqual(own);
      const ownAcross = rules(perCell[page]!, false);
      expect(ownAcross.size, `page ${page + 1} has horizontal rules`).toBeGreaterThan(20);
      expect(rules(stream, false), `page ${page + 1}`).toEqual(ownAcross);
      // Cell shading is painted as before (same rectangles, same colour).
      const shading = (s: string) => (s.match(/^.* re\n.*\n.* scn\n/gm) ?? []).sort();
      expect(shading(stream), `page ${page + 1}`).toEqual(shading(perCell[page]!));
    }
    const lines = (streams: string[]) => streams.reduce((n, s) => n + lineCount(s), 0);
    expect(lines(whole)).toBeLessThan(lines(perCell) / 10);
    // The same words on the same pages.
    const words = (streams: string[]) => streams.map((s) => (s.match(/<[0-9a-f]+>/g) ?? []).join(''));
    expect(words(whole)).toEqual(words(perCell));
  });

  it('a table that does not ask for whole rules (every dataTable) prints the same bytes whether or not the shortcut is installed', async () => {
    const definition = () =>
      documentFrame({ chapterName: 'Chapter', title: 'Tables', producedAt: new Date('2026-11-17T20:00:00Z'), locale: 'en-US', timeZone: 'UTC' }, [
        dataTable(['Member', 'Met with', 'Amount'], Array.from({ length: 90 }, (_, i) => [`Müller ${i}`, `نادية حداد ${i}`, `$${i}.00`]), { numeric: [2] }),
        (grid(3, false).content as Content[])[1]!,
      ]);
    await renderPdf(grid(1, true), fonts); // the engine set up (it installs its shortcuts the first time)
    try {
      wholeTableRules(false);
      const own = await renderPdf(definition(), fonts);
      wholeTableRules(true);
      const installed = await renderPdf(definition(), fonts);
      expect(installed.equals(own)).toBe(true);
    } finally {
      wholeTableRules(true);
    }
  });
});
