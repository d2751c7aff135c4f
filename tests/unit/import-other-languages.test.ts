// A Slips Audit file exported from BNI Connect in another language: the title line is translated
// ("Slips Audit Rapport voor 10/11/2026"), and so are the headers and the slip types. The meeting's date
// is read from whatever title line carries it; when the file names no meeting, the preview asks for it.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../../src/server/registry';
import { chapterToday, saveChapter } from '../../src/services/chapter';
import { saveClassification } from '../../src/services/classifications';
import { addMember } from '../../src/services/members';
import { addDays } from '../../src/shared/dates';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

/** A Dutch chapter in euros that meets on Tuesdays (10 and 17 November 2026 are Tuesdays). */
function dutchChapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  saveChapter(opened.db, { name: 'Haven Ondernemers', region: '', meetingWeekday: 2, meetingTime: '07:00', currency: 'EUR', locale: 'nl-NL', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });
  for (const [first, last, seat] of [['Daan', 'de Vries', 'Makelaar'], ['Sanne', 'Bakker', 'Hypotheken'], ['Priya', 'Raman', 'Accountant']] as const) {
    const classificationId = saveClassification(opened.db, { name: seat, sphereId: null }).id;
    addMember(opened.db, { firstName: first, lastName: last, company: '', classificationId, phone: '', email: '', status: 'active', joinedOn: '2025-01-01', renewalDue: null, sponsorId: null, leadershipRole: null });
  }
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  const changes = () => count('SELECT total_changes()');
  return { opened, api, count, changes };
}

const dutchHeader = ['Van', 'Aan', 'Soort', 'Binnen/Buiten', 'Bedrag', 'Nieuw/Herhaling', 'Omschrijving'];
const dutchNight = [
  ['Daan de Vries', 'Sanne Bakker', 'Referentie', 'Binnen', '', '', 'Familie Jansen'],
  ['Sanne Bakker', 'Daan de Vries', 'TYFCB', 'Buiten', '1.250,50', 'Herhaling', ''],
  ['Priya Raman', 'Daan de Vries', 'Een-op-een', '', '', '', 'Koffie bij de haven'],
  ['Daan de Vries', 'Kees Smit', 'Bezoeker', '', '', '', 'Smit Dakwerken'],
];
const csv = (title: string[][], header: string[], rows: string[][]) => Papa.unparse([...title, [''], header, ...rows], { newline: '\r\n' });
const asInput = (fileName: string, text: string, extra: Record<string, unknown> = {}) => ({ fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra });
const preview = async (api: Registry, input: object) => ok<any>(await api.callAsync('previewSlipsAuditImport', input));

describe('a Slips Audit file exported in Dutch, Italian or Portuguese', () => {
  it('"Slips Audit Rapport voor 10/11/2026" is the meeting of 10 November once the secretary says the day comes first; Dutch headers and slip types are read', async () => {
    const { api, count } = dutchChapter();
    const text = csv([['Slips Audit Rapport voor 10/11/2026'], ['Haven Ondernemers']], dutchHeader, dutchNight);
    const asked = await preview(api, asInput('rapport.csv', text));
    expect(asked.columnQuestion).toBeNull();
    expect(asked.meetingQuestion).toBeNull();
    expect(asked.chapterWarning).toBeNull();
    expect(asked.dateOrder.question).toBe("The report's date 10/11/2026 is 10 November 2026 if the day comes first, or 11 October 2026 if the month comes first. Choose how this file writes dates.");

    const answered = await preview(api, asInput('rapport.csv', text, { dateOrder: 'dmy' }));
    expect(answered).toMatchObject({ meetingOn: '2026-11-10', counts: { new: 4, problem: 0, skipped: 0 }, toCreate: { referral: 1, tyfcb: 1, one_to_one: 1, visitor: 1 } });
    ok(await api.callAsync('importSlipsAudit', asInput('rapport.csv', text, { dateOrder: 'dmy' })));
    expect(count("SELECT count(*) FROM referrals WHERE kind = 'inside' AND prospect_name = 'Familie Jansen'")).toBe(1);
    expect(count("SELECT amount_minor FROM tyfcb_slips WHERE business = 'repeat' AND kind = 'outside'")).toBe(125050);
    expect(count("SELECT count(*) FROM meetings WHERE meeting_on = '2026-11-10'")).toBe(1);
  });

  it('the title is found by its date whatever the language, and a "printed on" line is not taken for the meeting', async () => {
    const { api } = dutchChapter();
    const titles = [
      'Slips Audit Report for 17/11/2026',
      'Slips-Audit-Bericht vom 17.11.2026',
      "Rapport d'audit des fiches du 17/11/2026",
      'Informe de auditoría de fichas del 17/11/2026',
      'Rapporto di controllo delle schede del 17/11/2026',
      'Relatório de auditoria de fichas de 17/11/2026',
      'Slips Audit Rapport voor 2026-11-17',
    ];
    for (const title of titles) {
      const text = csv([[title], ['Haven Ondernemers'], ['Afgedrukt op 20/11/2026']], dutchHeader, dutchNight.slice(0, 1));
      expect((await preview(api, asInput('t.csv', text))).meetingOn, title).toBe('2026-11-17');
    }
    // The day the file was printed is never taken for the meeting: with no other date, the date is asked.
    const printedOnly = csv([['Slips Audit Rapport'], ['Haven Ondernemers'], ['Afgedrukt op 20/11/2026']], dutchHeader, dutchNight.slice(0, 1));
    expect(await preview(api, asInput('p.csv', printedOnly))).toMatchObject({ meetingOn: '', meetingQuestion: { blocking: true } });
    // Italian and Portuguese headers and slip types.
    const italian = csv([['Rapporto Slips Audit del 17/11/2026']], ['Da', 'A', 'Tipo', 'Interno/Esterno', 'Importo', 'Nuovo/Ripetuto', 'Dettaglio'], [['Daan de Vries', 'Sanne Bakker', 'Referenza', 'Interno', '', '', 'Famiglia Rossi'], ['Sanne Bakker', 'Daan de Vries', 'TYFCB', 'Esterno', '980,00', 'Nuovo', ''], ['Sanne Bakker', 'Luca Bianchi', 'Visitatore', '', '', '', 'Bianchi Srl']]);
    expect(await preview(api, asInput('it.csv', italian))).toMatchObject({ meetingOn: '2026-11-17', counts: { new: 3, problem: 0, skipped: 0 } });
    const portuguese = csv([['Relatório Slips Audit de 17/11/2026']], ['De', 'Para', 'Tipo', 'Interno/Externo', 'Valor', 'Novo/Repetido', 'Detalhe'], [['Daan de Vries', 'Sanne Bakker', 'Referência', 'Externo', '', '', 'Família Souza'], ['Priya Raman', 'Sanne Bakker', 'Um a um', '', '', '', 'Café']]);
    expect(await preview(api, asInput('pt.csv', portuguese))).toMatchObject({ meetingOn: '2026-11-17', counts: { new: 2, problem: 0, skipped: 0 } });
  });

  it('a file that names no meeting: the preview asks for the date, nothing is imported until it is given, then the slips go into that meeting', async () => {
    const { api, opened, count, changes } = dutchChapter();
    const text = csv([['Slips Audit Rapport'], ['Haven Ondernemers']], dutchHeader, dutchNight);
    const asked = await preview(api, asInput('zonder-datum.csv', text));
    expect(asked.meetingQuestion).toEqual({
      blocking: true,
      warning: null,
      message: 'zonder-datum.csv does not say which meeting it is for: it has no title line with a date and no Date column. Enter the date of the meeting these slips are from.',
    });
    expect(asked).toMatchObject({ meetingOn: '', rows: 4, counts: { new: 0, same: 0, differs: 0, problem: 0 } });
    const before = changes();
    const refused = await api.callAsync('importSlipsAudit', asInput('zonder-datum.csv', text));
    expect(refused).toMatchObject({ ok: false, error: { field: 'meetingOn', message: 'zonder-datum.csv does not say which meeting it is for: it has no title line with a date and no Date column. Enter the date of the meeting these slips are from before importing. Nothing was imported.' } });
    expect(changes()).toBe(before);

    // Typed the Dutch way, the date is refused naming the field; a date after today is refused too.
    const dutchTyped = await api.callAsync('previewSlipsAuditImport', asInput('zonder-datum.csv', text, { meetingOn: '10-11-2026' }));
    expect(dutchTyped).toMatchObject({ ok: false, error: { field: 'meetingOn', message: 'Meeting date must be a real date written YYYY-MM-DD.' } });
    const today = chapterToday(opened.db);
    const nextWeek = addDays(today, 7);
    const future = await api.callAsync('previewSlipsAuditImport', asInput('zonder-datum.csv', text, { meetingOn: nextWeek }));
    expect(future).toMatchObject({ ok: false, error: { field: 'meetingOn', message: `The meeting date ${nextWeek} is after today (${today}): a Slips Audit file lists the slips of a meeting already held. Enter that meeting's date.` } });
    expect(changes()).toBe(before);
    // A day the chapter does not meet is taken, with a warning to check it.
    const wednesday = await preview(api, asInput('zonder-datum.csv', text, { meetingOn: '2026-11-11' }));
    expect(wednesday.meetingQuestion).toMatchObject({ blocking: false, warning: '2026-11-11 is a Wednesday, and the chapter meets on Tuesdays: check the date before importing.' });

    const given = await preview(api, asInput('zonder-datum.csv', text, { meetingOn: '2026-11-10' }));
    expect(given).toMatchObject({ meetingOn: '2026-11-10', meetingStatus: 'new', counts: { new: 4, problem: 0 } });
    expect(given.meetingQuestion).toMatchObject({ blocking: false, warning: null });
    const done = ok<any>(await api.callAsync('importSlipsAudit', asInput('zonder-datum.csv', text, { meetingOn: '2026-11-10' })));
    expect(done).toMatchObject({ meetingOn: '2026-11-10', created: 4 });
    expect(count("SELECT count(*) FROM meetings WHERE meeting_on = '2026-11-10' AND status = 'completed'")).toBe(1);
  });

  it('a title block with two different dates and no title words on either asks for the date, naming both', async () => {
    const { api } = dutchChapter();
    const text = csv([['Haven Ondernemers 10/11/2026'], ['Week 17/11/2026']], dutchHeader, dutchNight.slice(0, 1));
    expect((await preview(api, asInput('twee.csv', text))).meetingQuestion).toMatchObject({
      blocking: true,
      message: 'twee.csv does not say which meeting it is for: its title lines give 2 dates (10/11/2026, 17/11/2026) and no Date column. Enter the date of the meeting these slips are from.',
    });
  });
});
