// Printed statements a member is handed: a section's heading is never left alone at the foot of a page
// with its table on the next one, a table's header row never stands alone, and no row is split.
import { describe, expect, it } from 'vitest';
import { keepHeadingWithWhatFollows } from '../../src/reports/layout';
import { loadDemoChapter } from '../../src/services/demo';
import { okValue as ok } from '../support/first-quarter';
import { openTestDb, testRegistry } from '../support/db';
import { pageCount, pdfText } from '../support/pdf-text';

const none = () => [];
const line = (headlineLevel?: number) => ({ text: 'x', ...(headlineLevel ? { headlineLevel } : {}) });

describe('the page-break rule', () => {
  it('moves a heading followed on its page only by its introduction and a table’s header row', () => {
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [line(2), line(2)], () => [line()])).toBe(true);
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, none, () => [line()])).toBe(true);
  });
  it('keeps a heading followed by a printed line, and never moves the document’s last heading to an empty page', () => {
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [line(2), line()], () => [line()])).toBe(false);
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, none, none)).toBe(false);
    // The page's own header and footer are not content.
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [{ text: 'Page 3 of 62', style: 'footer' }], () => [line()])).toBe(true);
    expect(keepHeadingWithWhatFollows({}, none, () => [line()])).toBe(false);
  });
});

describe('every member’s statement in one PDF (the demo chapter, 29 members)', () => {
  it('never ends a page with the Scorecard heading or its score sentence: they go with the scorecard table', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db);
    const value = ok<{ pdfBase64: string }>(await api.callAsync('produceReport', { report: 'all_statements', from: '2026-10-01', to: '2026-12-31', producedAt: '2026-11-23T18:00:00.000Z' }));
    const pdf = Buffer.from(value.pdfBase64, 'base64');
    const alone: number[] = [];
    let scorecards = 0;
    for (let page = 1; page <= pageCount(pdf); page++) {
      const lines = pdfText(pdf, page).split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('Produced '));
      scorecards += lines.filter((l) => l.startsWith('Scorecard (')).length;
      const last = lines.at(-1) ?? '';
      if (/^(Scorecard \(|Scored over|Category\b)/.test(last)) alone.push(page);
    }
    expect(scorecards).toBe(29);
    expect(alone).toEqual([]);
  }, 120_000);
});
