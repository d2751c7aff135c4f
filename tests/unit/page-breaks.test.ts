// Printed statements a member is handed: a section's heading is never left alone at the foot of a page
// with its table on the next one, a table's header row never stands alone, and no row is split.
import { describe, expect, it } from 'vitest';
import { keepHeadingWithWhatFollows } from '../../src/reports/layout';
import { addPageBreaks, layoutPasses } from '../../src/reports/page-breaks';
import { memberStatementReport } from '../../src/reports/member-statement';
import { renderPdf } from '../../src/reports/render';
import { sourceFontsDir } from '../../src/db/paths';
import { allStatementsData, allStatementsDefinition } from '../../src/services/reports';
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
  it('moves a heading whose table’s header row and first row did not fit below it (pdfmake leaves them at the place it tried, one top for both)', () => {
    const at = (top: number, headlineLevel?: number) => ({ ...line(headlineLevel), startPosition: { pageNumber: 1, top } });
    // The block tried at 767.9 and drawn on the next page: the heading would be alone at the page's foot.
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [at(767.9, 2), at(767.9, 2), at(767.9), at(767.9)], () => [line()])).toBe(true);
    // Laid out for real, the first row is below the header row: the heading stays with them.
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [at(700, 2), at(700, 2), at(717.3), at(717.3)], () => [line()])).toBe(false);
  });
  it('keeps a heading followed by a printed line, and never moves the document’s last heading to an empty page', () => {
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [line(2), line()], () => [line()])).toBe(false);
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, none, none)).toBe(false);
    // The page's own header and footer are not content.
    expect(keepHeadingWithWhatFollows({ headlineLevel: 1 }, () => [{ text: 'Page 3 of 62', style: 'footer' }], () => [line()])).toBe(true);
    expect(keepHeadingWithWhatFollows({}, none, () => [line()])).toBe(false);
  });
});

describe('deciding the moves of many statements in one layout', () => {
  // Laid-out nodes as pdfmake hands them over: each on its pages, some starting a new page.
  type Laid = { positions: Array<{ pageNumber: number }>; text: string; headlineLevel?: number; pageBreak?: string; pageBreakCalculated?: boolean; resetXY(): void; nodeInfo: { pageNumbers: number[] } };
  const node = (page: number, extra: Partial<Laid> = {}): Laid => ({ positions: [{ pageNumber: page }], text: 'x', resetXY: () => {}, nodeInfo: { pageNumbers: [] }, ...extra });
  const heading = (page: number, name: string) => node(page, { text: name, headlineLevel: 1 });
  const rule = (info: Record<string, unknown>, pages: { getFollowingNodesOnPage(): unknown[]; getNodesOnNextPage(): unknown[] }) =>
    keepHeadingWithWhatFollows(info, pages.getFollowingNodesOnPage as never, pages.getNodesOnNextPage as never);

  it('moves the first stranded heading of every statement at once, and asks again about the rest of a statement only after it moved', () => {
    const first = node(1);
    const strandedA = heading(1, 'A: Open referrals');
    const laterA = heading(3, 'A: Scorecard');
    const secondStart = node(4, { pageBreak: 'before' });
    const strandedB = heading(4, 'B: Open referrals');
    const thirdStart = node(6, { pageBreak: 'before' });
    const strandedC = heading(6, 'C: With whom');
    // A part of a row of columns starting a new page: its neighbours stay put, so it starts nothing.
    const inColumn = node(7, { pageBreak: 'before' });
    const laterC = heading(7, 'C: Scorecard');
    const nodes = [first, strandedA, node(2), laterA, node(4), secondStart, strandedB, node(5), thirdStart, strandedC, node(7), inColumn, laterC, node(8)];
    const outermost = new Set<unknown>([first, strandedA, laterA, secondStart, strandedB, thirdStart, strandedC, laterC]);
    expect(addPageBreaks(nodes as never, 8, rule, (n) => outermost.has(n))).toBe(true);
    const moved = nodes.filter((n) => n.headlineLevel && n.pageBreak === 'before').map((n) => n.text);
    expect(moved).toEqual(['A: Open referrals', 'B: Open referrals', 'C: With whom']);
    // Not yet decided: asked again once the statement is laid out with its first move.
    expect(laterA.pageBreakCalculated).toBeUndefined();
    expect(laterC.pageBreakCalculated).toBeUndefined();
    expect(strandedB.pageBreakCalculated).toBe(true);
  });

  it('the statements printed together break their pages exactly where each printed alone does (two of them move a heading)', async () => {
    const opened = openTestDb();
    loadDemoChapter(opened.db, '2026-11-24');
    const at = new Date('2026-11-23T18:00:00.000Z');
    const period = { from: '2026-10-01', to: '2026-12-31' };
    // Adams to Chen: Ashford's and Carter's statements each move a heading to the next page.
    const six = allStatementsData(opened.db, period, at, 'print').slice(0, 6);
    const body = (pdf: Buffer) => pdfText(pdf).split('\f').filter((p) => p.trim()).map((p) => p.split('\n').filter((l) => l.trim() && !/Member statements? ?|^\s*Produced /.test(l)).join('\n'));
    const alone: string[] = [];
    for (const s of six) alone.push(...body(await renderPdf(memberStatementReport(s.data, at), { fontsDir: sourceFontsDir })));
    const together = await renderPdf(allStatementsDefinition(opened.db, period, at, six), { fontsDir: sourceFontsDir });
    // Each statement laid out once, the two that move a heading twice.
    expect(layoutPasses.last).toBe(6 + 2);
    expect(body(together)).toEqual(alone);
  }, 120_000);

  it('nothing stranded: nothing moves and no second layout is asked for', () => {
    const nodes = [node(1), heading(1, 'Given and received'), node(1), node(2, { pageBreak: 'before' }), heading(2, 'With whom'), node(2)];
    expect(addPageBreaks(nodes as never, 2, rule, () => true)).toBe(false);
  });
});

describe('every member’s statement in one PDF (the demo chapter, 29 members)', () => {
  it('never ends a page with the Scorecard heading or its score sentence: they go with the scorecard table', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db, '2026-11-24');
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
