// A statement handed to a member is saved under their name: every letter of it, in any script
// (a president's statement file for "Wei शर्मा" was named "Wei-शर-म": the vowel signs were dropped).
import { describe, expect, it } from 'vitest';
import { fileNameWords } from '../../src/shared/file-name-words';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

describe('names in file names', () => {
  it('keeps the marks of Devanagari, Arabic and Thai names and the accents of Latin ones', () => {
    expect(fileNameWords('Wei शर्मा 51')).toBe('Wei-शर्मा-51');
    expect(fileNameWords('प्रिया शर्मा')).toBe('प्रिया-शर्मा');
    expect(fileNameWords('مُحَمَّد حداد')).toBe('مُحَمَّد-حداد');
    expect(fileNameWords('สมชาย ใจดี')).toBe('สมชาย-ใจดี');
    expect(fileNameWords('José Müller-Łukasz')).toBe('José-Müller-Łukasz');
    expect(fileNameWords('王芳')).toBe('王芳');
  });

  it('turns what a file name cannot hold into single hyphens, none at either end', () => {
    expect(fileNameWords('  A/B: "C" <D> ')).toBe('A-B-C-D');
    expect(fileNameWords('O\'Brien & Sons.')).toBe('O-Brien-Sons');
  });

  it("a member statement's file is named with the member's whole name", async () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    const seats = smallChapter(opened);
    const added = api.call('addMember', memberInput(seats.realEstate, 'Wei', 'शर्मा'));
    if (!added.ok) throw new Error(added.error.message);
    const made = await api.callAsync('produceReport', { report: 'member_statement', memberId: (added.value as { id: string }).id, from: '2026-01-01', to: '2026-03-31' });
    if (!made.ok) throw new Error(made.error.message);
    expect((made.value as { fileName: string }).fileName).toBe('Harbour-Connectors-statement-Wei-शर्मा-2026-01-01-to-2026-03-31.pdf');
  });
});
