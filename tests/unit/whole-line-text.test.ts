// The words of a line that look alike are written as one piece of PDF text instead of one piece per word
// (issue 16: a statement's tables have thousands of words). The page must look exactly as before: every
// piece starts where its first word started and ends where its last word ended, the text reads the same,
// names in Chinese, Arabic and Hindi included; words in another colour, with a link, after a soft break
// or not where the previous word ends are written alone as before.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadDemoChapter } from '../../src/services/demo';
import { continues, joinedInlines, writeWholeLines } from '../../src/reports/whole-line-text';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';
import { pdfWords, squeeze } from '../support/pdf-layout';

/** How many text objects (BT … ET) the pages' content streams hold. */
function textObjects(pdf: Buffer): number {
  let count = 0;
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    const from = m.index + m[0].length;
    const to = text.indexOf('endstream', from);
    try {
      count += (inflateSync(pdf.subarray(from, to)).toString('latin1').match(/^BT$/gm) ?? []).length;
    } catch {
      // not a compressed stream
    }
  }
  return count;
}

const font = { name: 'DejaVu' };
const other = { name: 'DejaVu-Bold' };
const word = (text: string, x: number, width: number, more: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 9, color: 'black', height: 12, ...more });

describe('joining the words of a line', () => {
  it('joins words in the same font, size and colour that follow each other after a space, keeping where the first starts', () => {
    const line = [word('Closing ', 10, 30), word('the ', 40, 15), word('loop', 55, 20)];
    expect(joinedInlines(line)).toEqual([{ ...line[0], text: 'Closing the loop', width: 65 }]);
    expect(line.map((w) => w.text)).toEqual(['Closing ', 'the ', 'loop']);
  });

  it('keeps a word alone when its font, size, colour or opacity differ, or it carries a link, a decoration or a background', () => {
    const first = word('Total ', 0, 25);
    for (const next of [word('due', 25, 15, { font: other }), word('due', 25, 15, { fontSize: 10 }), word('due', 25, 15, { color: '#c92a2a' }), word('due', 25, 15, { opacity: 0.5 }), word('due', 25, 15, { link: 'https://example.org' }), word('due', 25, 15, { decoration: 'underline' }), word('due', 25, 15, { background: 'yellow' }), word('due', 25, 15, { sup: true }), word('due', 25, 15, { characterSpacing: 1 })]) {
      expect(continues(first, next), JSON.stringify(next)).toBe(false);
      expect(joinedInlines([first, next])).toHaveLength(2);
    }
  });

  it('keeps apart a word that does not start where the previous ends (a justified line) and the pieces of a long token broken without a space', () => {
    expect(joinedInlines([word('Lin ', 0, 20), word('family', 23, 30)])).toHaveLength(2);
    // "https://example.org/very/long\u200b" + "path": pdfkit would lay them out as one word, kerned across the break.
    expect(joinedInlines([word('example.org/\u200b', 0, 50), word('path', 50, 20)])).toHaveLength(2);
    expect(joinedInlines([word('Page ', 0, 20), word('7', 20, 5, { _pageNodeRef: {} })])).toHaveLength(2);
  });

  it('joins the runs that can be joined and leaves the rest as they were, in order', () => {
    const line = [word('Dana ', 0, 20), word('Ruiz ', 20, 20), word('won ', 40, 18, { color: 'green' }), word('twice', 58, 22, { color: 'green' }), word(' ', 80, 3), word('$1,200.00', 83, 40)];
    expect(joinedInlines(line).map((w) => [w.text, w.x, w.width])).toEqual([['Dana Ruiz ', 0, 40], ['won twice', 40, 40], [' $1,200.00', 80, 43]]);
  });
});

describe('a printed statement written line by line', () => {
  it('puts every word where it was, with names in Chinese, Arabic and Hindi, in far fewer pieces of text', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db);
    const ids = opened.sqlite.prepare("SELECT id FROM members WHERE status = 'active' ORDER BY sort_name LIMIT 3").pluck().all() as string[];
    const names: Array<[string, string]> = [['王', '小明'], ['حداد', 'نادية'], ['शर्मा', 'प्रिया']];
    ids.forEach((id, i) => opened.sqlite.prepare('UPDATE members SET last_name = ?, first_name = ?, display_name = ?, sort_name = ? WHERE id = ?').run(names[i]![0], names[i]![1], `${names[i]![1]} ${names[i]![0]}`, `${names[i]![0]} ${names[i]![1]}`, id));
    const producedAt = '2026-11-23T18:00:00.000Z';
    const print = async (on: boolean) => {
      writeWholeLines(on);
      const out: Buffer[] = [];
      for (const memberId of ids) out.push(Buffer.from(ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'member_statement', memberId, from: '2026-08-01', to: '2026-10-31', producedAt })).pdfBase64, 'base64'));
      return out;
    };
    try {
      const joined = await print(true);
      const alone = await print(false);
      for (const [s, bytes] of joined.entries()) {
        // What a reader sees (pdf.js's text runs, which put the words of a line together, with their boxes): the same.
        const seen = pdfWords(bytes);
        const before = pdfWords(alone[s]!);
        expect(seen.map((w) => w.text), `statement ${s + 1} reads the same`).toEqual(before.map((w) => w.text));
        for (const [i, w] of seen.entries()) {
          const b = before[i]!;
          expect([w.page, w.xMin, w.xMax, w.yMin], w.text).toEqual([b.page, expect.closeTo(b.xMin, 2), expect.closeTo(b.xMax, 2), expect.closeTo(b.yMin, 2)]);
        }
        // The renamed member's own statement is headed with her name in its script (the Chinese one read back as typed;
        // pdf.js reads Arabic words in visual order and Devanagari in glyph order, the same with and without joining).
        if (s === 0) expect(squeeze(seen.map((w) => w.text).join(''))).toContain('小明王');
        expect(seen.length).toBeGreaterThan(100);
        // Written in far fewer pieces of text (PDF text objects).
        expect(textObjects(bytes), `statement ${s + 1}`).toBeLessThan(textObjects(alone[s]!) * 0.75);
      }
    } finally {
      writeWholeLines(true);
      opened.close();
    }
  }, 120_000);
});
