// A report whose headings move to the next page is laid out several times; its text is now measured once
// per document and each layout gets a fresh copy of the words (issue 16: the weekly report of a busy
// meeting took three layouts, each measuring every word again). The PDF must not change by a byte: a word
// too long for its column (cut in two by the layout, in place), page and text references, names in
// Chinese, Arabic and Hindi, and the real reports of a chapter, every member's statement in one PDF too.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { sourceFontsDir } from '../../src/db/paths';
import { dataTable, documentFrame } from '../../src/reports/layout';
import { measureTextOncePerDocument } from '../../src/reports/measure-once';
import { layoutPasses } from '../../src/reports/page-breaks';
import { renderPdf } from '../../src/reports/render';
import { allStatementsDefinition } from '../../src/services/reports';
import { loadDemoChapter } from '../../src/services/demo';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';
import { pdfText } from '../support/pdf-text';

const require = createRequire(import.meta.url);
const producedAt = '2026-11-23T18:00:00.000Z';
const names = ['王小明', 'نادية حداد', 'प्रिया शर्मा', 'Zoë Müller-Łukasz', 'Dana Ruiz'];
const longLink = `https://example.com/${'referraldetails'.repeat(12)}`;
// Printed, a long word may break every twelve letters (text-runs.ts); in a column narrower than twelve
// letters pdfmake cuts each piece where the column ends, changing the measured word in place.
const narrowColumn = (s: number): Content => ({ table: { widths: [24, '*'], body: [[`WMWMWMWMWMWMWMWMWMWMWMWM${s}`, `Seat ${s}: a note in the wide column`]] } });

/** Six sections whose tables land so that two headings move: the document is laid out three times. */
function sectionsDocument(counts = [38, 24, 38, 24, 25, 24]) {
  const content: Content[] = [{ text: 'Slips by section', style: 'title' }, { text: ['Section 3 starts on page ', { pageReference: 'section-3', text: '' }, ' (', { textReference: 'section-3', text: '' }, ')'] } as Content];
  counts.forEach((rows, s) => {
    content.push({ text: `Section ${s + 1}: ${names[s % 5]}`, style: 'h2', headlineLevel: 1, ...(s === 2 ? { id: 'section-3' } : {}) } as Content);
    content.push(narrowColumn(s));
    content.push(dataTable(['Member', 'Detail', 'Amount'], Array.from({ length: rows }, (_, r) => [names[(r + s) % 5]!, r % 4 === 0 ? longLink : `Detail ${r}`, `$${r}.00`]), { numeric: [2] }));
  });
  return documentFrame({ chapterName: 'Riverside Business Builders', title: 'Slips by section', producedAt: new Date(producedAt), locale: 'en-US', timeZone: 'UTC' }, content);
}

/** Prints as the app prints, then with pdfmake's own measuring, counting the pieces of text measured each way. */
async function bothWays<T>(print: () => Promise<T>) {
  const TextInlines = (require('pdfmake/js/TextInlines') as { default: { prototype: { buildInlines: (...a: unknown[]) => unknown } } }).default.prototype;
  const build = TextInlines.buildInlines;
  let measured = 0;
  TextInlines.buildInlines = function (this: unknown, ...a: unknown[]) {
    measured++;
    return build.apply(this, a);
  };
  try {
    const once = await print();
    const onceMeasured = measured;
    measured = 0;
    measureTextOncePerDocument(false);
    const pdfmakes = await print();
    return { once, pdfmakes, onceMeasured, pdfmakesMeasured: measured };
  } finally {
    measureTextOncePerDocument(true);
    TextInlines.buildInlines = build;
  }
}

describe('measuring the text of a report once, however many times its pages are laid out', () => {
  it('prints the same bytes when headings move, words too wide for their column are cut and references give page numbers', async () => {
    let passes = 0;
    const { once, pdfmakes, onceMeasured, pdfmakesMeasured } = await bothWays(async () => {
      const pdf = await renderPdf(sectionsDocument(), { fontsDir: sourceFontsDir });
      passes = layoutPasses.last;
      return pdf;
    });
    expect(passes, 'the document is laid out three times (two headings moved)').toBe(3);
    expect(pdfText(once)).toContain('王小明');
    expect(pdfText(once)).toContain('referraldetailsreferral');
    expect(pdfText(once)).toContain('WMW');
    expect(once.equals(pdfmakes)).toBe(true);
    // Each pass measured every piece again; now the content once (the page headers and footers are new each page).
    expect(onceMeasured, `${onceMeasured} pieces measured against pdfmake's ${pdfmakesMeasured}`).toBeLessThan(pdfmakesMeasured * 0.4);
  }, 60_000);

  it("prints a chapter's weekly report, statements and quarterly audit, and every statement in one PDF, byte for byte as before", async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db, '2026-11-24');
    const ids = opened.sqlite.prepare("SELECT id FROM members WHERE status = 'active' ORDER BY sort_name LIMIT 3").pluck().all() as string[];
    const scripts: Array<[string, string]> = [['王', '小明'], ['حداد', 'نادية'], ['शर्मा', 'प्रिया']];
    ids.forEach((id, i) => opened.sqlite.prepare('UPDATE members SET last_name = ?, first_name = ?, display_name = ?, sort_name = ? WHERE id = ?').run(scripts[i]![0], scripts[i]![1], `${scripts[i]![1]} ${scripts[i]![0]}`, `${scripts[i]![0]} ${scripts[i]![1]}`, id));
    const meetingId = opened.sqlite.prepare("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
    const inputs = [
      { report: 'weekly_meeting', meetingId, producedAt },
      { report: 'quarterly_audit', from: '2026-10-01', producedAt },
      ...ids.map((memberId) => ({ report: 'member_statement', memberId, from: '2026-08-01', to: '2026-10-31', producedAt })),
    ];
    // The first quarterly audit checks the whole audit log and says so; the prints after it say the same.
    ok(await api.callAsync('produceReport', inputs[1]));
    let allPasses = 0;
    try {
      const { once, pdfmakes } = await bothWays(async () => {
        const out: Buffer[] = [];
        for (const input of inputs) out.push(Buffer.from(ok<{ pdfBase64: string }>(await api.callAsync('produceReport', input)).pdfBase64, 'base64'));
        out.push(await renderPdf(allStatementsDefinition(opened.db, { from: '2026-10-01', to: '2026-12-31' }, new Date(producedAt)), { fontsDir: sourceFontsDir }));
        allPasses = layoutPasses.last;
        return out;
      });
      // Every statement laid out once, and again for each one that moves a heading.
      expect(allPasses).toBeGreaterThan(ids.length);
      for (const [i, bytes] of once.entries()) expect(bytes.equals(pdfmakes[i]!), `report ${i + 1}`).toBe(true);
    } finally {
      opened.close();
    }
  }, 180_000);
});
