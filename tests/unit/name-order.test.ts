import { describe, expect, it } from 'vitest';
import { saveChapter, getChapter } from '../../src/services/chapter';
import { addMember, listMembers, updateMember } from '../../src/services/members';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { pdfText } from '../support/pdf-text';

function chapterWithNames() {
  const opened = openTestDb();
  const seats = smallChapter(opened);
  const api = testRegistry(opened);
  const chen = addMember(opened.db, memberInput(seats.realEstate, '大文', '陳'));
  const kovacs = addMember(opened.db, memberInput(seats.mortgage, 'János', 'Kovács'));
  const adams = addMember(opened.db, memberInput(seats.florist, 'Zoe', 'Adams'));
  return { opened, api, chen, kovacs, adams };
}

const names = (opened: ReturnType<typeof openTestDb>) => listMembers(opened.db, { scope: 'current' }).map((m) => m.fullName);

describe('names are written the way the chapter writes them', () => {
  it('shows given name first by default, sorted by family name', () => {
    const { opened } = chapterWithNames();
    expect(names(opened)).toEqual(['Zoe Adams', 'János Kovács', '大文 陳']);
  });

  it('in a family-name-first chapter (Taiwan, Hungary) writes 陳大文 and Kovács János, still sorted by family name', () => {
    const { opened } = chapterWithNames();
    saveChapter(opened.db, { ...getChapter(opened.db)!, nameOrder: 'family_first' });
    expect(names(opened)).toEqual(['Adams Zoe', 'Kovács János', '陳大文']);
  });

  it('lets one member be written family name first in a given-name-first chapter, and back', () => {
    const { opened, chen } = chapterWithNames();
    const { fullName, createdAt, updatedAt, classificationName, sphereName, sponsorName, ...fields } = chen;
    void [fullName, createdAt, updatedAt, classificationName, sphereName, sponsorName];
    updateMember(opened.db, { ...fields, nameOrder: 'family_first' });
    expect(names(opened)).toEqual(['Zoe Adams', 'János Kovács', '陳大文']);
    updateMember(opened.db, { ...fields, nameOrder: null });
    expect(names(opened)).toContain('大文 陳');
  });

  it('keeps the name order when a member is edited without it, and a rename follows the order', () => {
    const { opened, chen } = chapterWithNames();
    const { fullName, createdAt, updatedAt, classificationName, sphereName, sponsorName, nameOrder, ...fields } = chen;
    void [fullName, createdAt, updatedAt, classificationName, sphereName, sponsorName, nameOrder];
    updateMember(opened.db, { ...fields, nameOrder: 'family_first' });
    updateMember(opened.db, { ...fields, firstName: '小明' });
    expect(names(opened)).toContain('陳小明');
  });

  it('prints the chapter’s order in the weekly report and on the meeting roster', async () => {
    const { opened, api } = chapterWithNames();
    saveChapter(opened.db, { ...getChapter(opened.db)!, nameOrder: 'family_first' });
    const meeting = api.call('createMeeting', { meetingOn: '2026-03-04' });
    if (!meeting.ok) throw new Error(meeting.error.message);
    const id = (meeting.value as { id: string }).id;
    api.call('markAllPresent', { meetingId: id });
    const sheet = api.call('getMeetingSheet', { meetingId: id });
    expect(sheet.ok && (sheet.value as { roster: { name: string }[] }).roster.map((r) => r.name)).toEqual(['Adams Zoe', 'Kovács János', '陳大文']);
    const report = await api.callAsync('produceReport', { report: 'weekly_meeting', meetingId: id });
    if (!report.ok) throw new Error(report.error.message);
    const text = pdfText(Buffer.from((report.value as { pdfBase64: string }).pdfBase64, 'base64'));
    expect(text).toContain('Kovács János');
  });

  it('refuses a name order it does not know, naming the field', () => {
    const { api } = chapterWithNames();
    const result = api.call('saveChapter', { name: 'Harbour', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', nameOrder: 'surname_first' });
    expect(result).toMatchObject({ ok: false, error: { field: 'nameOrder' } });
  });
});
