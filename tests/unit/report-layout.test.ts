// Reports a president signs: on a chapter built to break them (60 members, 60-character names,
// 300-character unbroken reasons, 8-digit amounts, names in nine scripts), every word stays inside
// the printable box, nothing is printed over anything else, every table has widths in points, and
// every value can be found in the PDF.
import path from 'node:path';
import { openSync } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceFontsDir } from '../../src/db/paths';
import { FontChooser, fontFamilies } from '../../src/reports/fonts';
import { textWidth } from '../../src/reports/layout';
import { textRuns, withSoftBreaks } from '../../src/reports/text-runs';
import { reportDefinition } from '../../src/services/reports';
import { todayIso } from '../../src/shared/dates';
import { buildHostileChapter, longProspect, scriptNames, unbrokenReason, type HostileChapter } from '../support/hostile-chapter';
import { okValue as ok } from '../support/first-quarter';
import { flexibleWidths, pdfWords, problemsIn, squeeze, type Word } from '../support/pdf-layout';

const producedAt = new Date();
let chapter: HostileChapter;
beforeAll(() => {
  chapter = buildHostileChapter(todayIso());
}, 60_000);

async function produce(input: Record<string, unknown>): Promise<Buffer> {
  const value = ok<{ pdfBase64: string }>(await chapter.api.callAsync('produceReport', { producedAt: producedAt.toISOString(), ...input }));
  return Buffer.from(value.pdfBase64, 'base64');
}

type ReportName = 'weekly meeting report' | 'slips audit' | 'PALMS summary' | 'member statement' | 'quarterly audit';
const inputs = (): Record<ReportName, Record<string, unknown>> => ({
  'weekly meeting report': { report: 'weekly_meeting', meetingId: chapter.meetingIds[0] },
  // One meeting's slips: 180 slips of 60-character names and 300-character notes.
  'slips audit': { report: 'slips_audit', from: chapter.quarter.from, to: chapter.quarter.from },
  'PALMS summary': { report: 'palms_summary', ...chapter.quarter },
  'member statement': { report: 'member_statement', memberId: chapter.ids[15], ...chapter.quarter },
  'quarterly audit': { report: 'quarterly_audit', from: chapter.quarter.from },
});
/** Each report is produced and read back once, then looked at by several tests. */
const produced = new Map<ReportName, Promise<{ bytes: Buffer; words: Word[] }>>();
const report = (name: ReportName) => {
  if (!produced.has(name)) produced.set(name, produce(inputs()[name]).then((bytes) => ({ bytes, words: pdfWords(bytes) })));
  return produced.get(name)!;
};
const drawn = async (name: ReportName) => squeeze((await report(name)).words.map((w) => w.text).join(''));
const lines = async (name: ReportName) => (await report(name)).words.map((w) => w.text).join('');

describe('every column on the page, for a 60-member chapter with very long names and reasons', { timeout: 60_000 }, () => {
  it.each(['weekly meeting report', 'slips audit', 'PALMS summary', 'member statement', 'quarterly audit'] as const)('the %s has no word off the page and none printed over another', async (name) => {
    expect(problemsIn((await report(name)).words)).toEqual([]);
    expect(flexibleWidths(reportDefinition(chapter.opened.db, inputs()[name] as never, producedAt).definition)).toEqual([]);
  });

  it('the slips audit prints every slip in full: 60-character names, 300-character notes, 8-digit amounts', async () => {
    const text = await drawn('slips audit');
    for (const header of ['From', 'To', 'SlipType', 'Inside/Outside', 'TYFCB', 'CEUCredits', 'Detail']) expect(text).toContain(header);
    for (const name of chapter.names.filter((n) => /^[\p{Script=Latin}\d\s-]+$/u.test(n))) expect(text).toContain(squeeze(name));
    expect(text).toContain(unbrokenReason);
    expect(text).toContain(longProspect);
    expect(text).toContain('$98,765,432.10');
  });

  it("the quarterly audit keeps the amendment's reason column and every member's figures", async () => {
    const text = await drawn('quarterly audit');
    expect(text).toContain('Reason');
    expect(text).toContain(unbrokenReason);
    for (const header of ['FirstName', 'LastName', 'RGI', 'RGO', 'RRI', 'RRO', '1-2-1', 'TYFCB', 'CEU']) expect(text).toContain(header);
    // 12 slips a meeting, 3 meetings, of $98,765,432.10 each.
    expect(text).toContain('$3,555,555,555.60');
  });

  it('the weekly report keeps every column after a long unbroken prospect', async () => {
    const text = await drawn('weekly meeting report');
    expect(text).toContain(longProspect);
    for (const header of ['From', 'To', 'Inside/Outside', 'Temp.', 'Prospect']) expect(text).toContain(header);
  });
});

describe('every name in its own script', { timeout: 60_000 }, () => {
  const chooser = new FontChooser(sourceFontsDir);
  it.each(scriptNames.map(([first, last]) => `${first} ${last}`))('%s has a font with every glyph', (name) => {
    for (const char of name.replace(/\s/g, '')) {
      const family = fontFamilies.find((f) => f.name === chooser.familyFor(char))!;
      expect(chooser.has(family, char.codePointAt(0)!), `${char} in ${family.name}`).toBe(true);
    }
  });

  it.each(['weekly meeting report', 'slips audit', 'PALMS summary', 'quarterly audit'] as const)('the text of the %s has every name in its own script', async (name) => {
    const text = await drawn(name);
    for (const native of ['陳大文', '山田太郎', '김민준', 'देवनागरीनाम', 'Ελένη', 'Παπαδοπούλου', 'สมชาย', 'ใจดี', '🌻']) expect(text, native).toContain(native);
  });

  it('an Arabic name prints right to left with its space: first name on the right, read back in order', async () => {
    // On the page (left to right): the surname, a space of its own, then the first name.
    expect(textRuns('محمد الأحمد', chooser)).toEqual([
      { text: 'الأحمد', font: 'NotoArabic' },
      { text: ' ', font: 'DejaVu' },
      { text: 'محمد', font: 'NotoArabic' },
    ]);
    // Inside a Latin line the Arabic words still read right to left; the Latin text keeps its order.
    expect(textRuns('Dr محمد الأحمد (CEO)', chooser).map((r) => r.text).join('')).toBe('Dr الأحمد محمد (CEO)');
    const text = await lines('weekly meeting report');
    // pdfjs reads the page left to right: the surname, then the first name on the right. (The surname's
    // lam-alef ligature comes back as its two letters, in either order.)
    expect(text).toMatch(/ا(لأ|أل)حمد محمد/u);
    expect(text).toMatch(/כהן דוד/u);
  });
});

describe('measuring and breaking text', () => {
  it("the layout's width table is DejaVu Sans Condensed's own metrics", () => {
    for (const [file, bold] of [['DejaVuSansCondensed.ttf', false], ['DejaVuSansCondensed-Bold.ttf', true]] as const) {
      const font = openSync(path.join(sourceFontsDir, 'DejaVu', file)) as unknown as { layout(t: string): { advanceWidth: number }; unitsPerEm: number };
      for (const sample of ['$98,765,432.10', 'Chapter total', 'WMW iii 0123456789']) expect(textWidth(sample, 10, bold)).toBeCloseTo((font.layout(sample).advanceWidth / font.unitsPerEm) * 10, 0);
    }
  });

  it('a long unbroken token gets break opportunities; short words and other scripts are left alone', () => {
    expect(withSoftBreaks('short words stay')).toBe('short words stay');
    const broken = withSoftBreaks('https://example.org/a/very/long/path/that/never/ends');
    expect(broken.replace(/\u200b/g, '')).toBe('https://example.org/a/very/long/path/that/never/ends');
    expect(broken).toContain('/\u200b');
    expect(withSoftBreaks(unbrokenReason).split('\u200b').every((part) => part.length <= 12)).toBe(true);
    expect(withSoftBreaks('محمدمحمدمحمدمحمدمحمدمحمد')).toBe('محمدمحمدمحمدمحمدمحمدمحمد');
  });
});
