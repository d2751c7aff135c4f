// pdfmake's style lookups made without allocations (src/reports/style-lookup.ts) must give every report
// exactly the bytes pdfmake's own lookups give: same fonts, sizes, colours, alignments, on every line.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { openTestDb, testRegistry } from '../support/db';
import { loadDemoChapter } from '../../src/services/demo';
import { fastStyleLookups } from '../../src/reports/style-lookup';
import { okValue as ok } from '../support/first-quarter';

const require = createRequire(import.meta.url);
const StyleContextStack = (require('pdfmake/js/StyleContextStack') as { default: any }).default;

describe('style lookups without allocations', () => {
  it('answer every question as pdfmake does: own property, style names last to first, the stack, named styles that extend others, the default', () => {
    const styles = { h2: { fontSize: 12, bold: true }, small: { fontSize: 7.5, color: '#495057' }, base: { color: 'red', italics: true }, child: { extends: 'base', fontSize: 8 }, loop: { extends: 'loop' } };
    const items: unknown[] = [
      'plain text',
      { text: 'x' },
      { text: 'x', style: 'h2' },
      { text: 'x', style: ['h2', 'small'] },
      { text: 'x', style: ['small', 'h2'], bold: false },
      { text: 'x', style: 'child' },
      { text: 'x', style: 'loop' },
      { text: 'x', style: 'missing', color: null },
      { text: 'x', section: true, style: 'h2' },
      { text: 'x', style: [{ color: 'blue' }, 'small'] },
    ];
    const properties = ['fontSize', 'bold', 'italics', 'color', 'alignment', 'font', 'lineHeight', 'noWrap'];
    const answers = (on: boolean) => {
      fastStyleLookups(on);
      const out: unknown[] = [];
      for (const stackTop of [[], ['small'], ['h2', { alignment: 'right', color: undefined }], ['child', 'loop']]) {
        const stack = new StyleContextStack(styles, { font: 'DejaVu', fontSize: 9, lineHeight: 1.15 });
        for (const entry of stackTop) stack.push(entry);
        for (const item of items) for (const property of properties) out.push([StyleContextStack.getStyleProperty(item, stack, property, 'default'), stack.getProperty(property)]);
        for (const property of properties) out.push(StyleContextStack.getStyleProperty({}, null, property, 'none'));
      }
      return out;
    };
    try {
      expect(answers(true)).toEqual(answers(false));
    } finally {
      fastStyleLookups(true);
    }
  });

  it('every report prints the same bytes with them as with pdfmake\u2019s own (names in Chinese, Arabic and Hindi too)', async () => {
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
      fastStyleLookups(on);
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
      for (const [i, bytes] of fast.entries()) expect(bytes === own[i], `report ${i + 1}`).toBe(true);
    } finally {
      fastStyleLookups(true);
    }
  }, 120_000);
});
