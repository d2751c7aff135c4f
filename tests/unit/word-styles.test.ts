// pdfmake asks the style stack 23 questions for every word it measures; the words of one piece of text
// now share the answers of the word before them when their own properties and style names are the same
// (issue 16). The PDF must not change by a byte: words differing only by a style name, a bold word after a
// plain one, raised text, kept leading spaces, names in Chinese, Arabic and Hindi, and the real reports.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { sourceFontsDir } from '../../src/db/paths';
import { renderPdf } from '../../src/reports/render';
import { askStylesOncePerPiece } from '../../src/reports/word-styles';
import { loadDemoChapter } from '../../src/services/demo';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const require = createRequire(import.meta.url);
const producedAt = '2026-11-23T18:00:00.000Z';

async function bothWays(print: () => Promise<Buffer[]>) {
  askStylesOncePerPiece(true);
  const once = await print();
  askStylesOncePerPiece(false);
  try {
    return { once, pdfmakes: await print() };
  } finally {
    askStylesOncePerPiece(true);
  }
}

describe("measuring a piece of text's words with the style answers of the word before", () => {
  it('prints the same bytes for words that differ only by a style name, a bold or raised word, kept spaces and scripts', async () => {
    const definition = (): TDocumentDefinitions => ({
      info: { creationDate: new Date(producedAt) },
      defaultStyle: { font: 'DejaVu', fontSize: 9 },
      styles: { small: { fontSize: 7.5, color: '#495057' }, loud: { bold: true, color: '#c92a2a' }, big: { fontSize: 14 } },
      content: [
        { text: [{ text: 'Total due ', style: 'small' }, { text: 'this quarter ', style: 'loud' }, { text: 'and next ', style: ['small', 'big'] }, 'plain words at the end'] },
        { text: [{ text: 'Plain then ' }, { text: 'bold words ', bold: true }, { text: 'then plain again, ' }, { text: 'raised', sup: true }, ' and ', { text: 'lowered', sub: true }] },
        { text: '    four spaces kept before these words', preserveLeadingSpaces: true },
        { text: 'Names: 小明 王, نادية حداد, प्रिया शर्मा and Zoë Müller-Łukasz in one line that wraps once it gets long enough to wrap across the page width' },
        { table: { body: [[{ text: 'Member', style: 'loud' }, { text: 'Referrals given in the period', alignment: 'right', noWrap: true }], ['Dana Ruiz', { text: '12', alignment: 'right' }]] } },
      ],
    });
    const { once, pdfmakes } = await bothWays(async () => [await renderPdf(definition(), { fontsDir: sourceFontsDir })]);
    expect(once[0]!.equals(pdfmakes[0]!)).toBe(true);
  });

  it('prints every report of a chapter with names in Chinese, Arabic and Hindi byte for byte as pdfmake does, asking about half as often', async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db);
    const ids = opened.sqlite.prepare("SELECT id FROM members WHERE status = 'active' ORDER BY sort_name LIMIT 3").pluck().all() as string[];
    const names: Array<[string, string]> = [['王', '小明'], ['حداد', 'نادية'], ['शर्मा', 'प्रिया']];
    ids.forEach((id, i) => opened.sqlite.prepare('UPDATE members SET last_name = ?, first_name = ?, display_name = ?, sort_name = ? WHERE id = ?').run(names[i]![0], names[i]![1], `${names[i]![1]} ${names[i]![0]}`, `${names[i]![0]} ${names[i]![1]}`, id));
    const meetingId = opened.sqlite.prepare("SELECT id FROM meetings WHERE status = 'completed' ORDER BY meeting_on DESC LIMIT 1").pluck().get() as string;
    const inputs = [
      { report: 'weekly_meeting', meetingId, producedAt },
      ...ids.map((memberId) => ({ report: 'member_statement', memberId, from: '2026-08-01', to: '2026-10-31', producedAt })),
    ];
    const Styles = (require('pdfmake/js/StyleContextStack') as { default: { getStyleProperty: (...a: unknown[]) => unknown } }).default;
    const lookup = Styles.getStyleProperty;
    let asked = 0;
    const counts: number[] = [];
    Styles.getStyleProperty = function (this: unknown, ...a: unknown[]) {
      asked++;
      return lookup.apply(this, a);
    };
    try {
      const { once, pdfmakes } = await bothWays(async () => {
        asked = 0;
        const out: Buffer[] = [];
        for (const input of inputs) out.push(Buffer.from(ok<{ pdfBase64: string }>(await api.callAsync('produceReport', input)).pdfBase64, 'base64'));
        out.push(Buffer.from(ok<{ pdfBase64: string }>(await api.callAsync('renewalPackPdf', { memberId: ids[1], producedAt })).pdfBase64, 'base64'));
        counts.push(asked);
        return out;
      });
      for (const [i, bytes] of once.entries()) expect(bytes.equals(pdfmakes[i]!), `report ${i + 1}`).toBe(true);
      expect(counts[0]!, `${counts[0]} style questions against pdfmake's ${counts[1]}`).toBeLessThan(counts[1]! * 0.7);
    } finally {
      Styles.getStyleProperty = lookup;
      opened.close();
    }
  }, 120_000);
});
