import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

const roster = readFileSync('tests/fixtures/roster.csv');
const file = (bytes: Buffer) => ({ fileName: 'roster.csv', contentBase64: bytes.toString('base64') });

function chapter() {
  const opened = openTestDb();
  const api = testRegistry(opened);
  const seats = smallChapter(opened);
  ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
  const count = (sql: string) => opened.sqlite.prepare(sql).pluck().get() as number;
  return { opened, api, count };
}

describe('importing a roster', () => {
  it('previews members to add, seats to create, and every problem by row', async () => {
    const { api, count } = chapter();
    const before = count('SELECT total_changes()');
    const p = ok<any>(await api.callAsync('previewRosterImport', file(roster)));
    expect(p.alreadyMembers).toBe(1);
    expect(p.classificationsToCreate).toEqual(['Business Attorney', 'Catering', 'Photography']);
    expect(p.problems.map((x: any) => x.message)).toEqual([
      'Row 5 (Di Fox): photography is also given to Cy Ng earlier in the file: one seat per classification.',
      'Row 6 (Ed Roe): Real Estate — Residential is held by Dana Ruiz since 2025-03-04.',
      'Row 7 (Fay Ho): Email does not look like an email address (name@example.com).',
      'Row 8 (Gus Li): joined on "31/02/2026" is not a date (use 2026-03-04 or 04/03/2026).',
    ]);
    expect(p.members).toBe(3);
    expect(count('SELECT total_changes()')).toBe(before);
  });

  it('refuses to import until the problems are fixed, then imports all in one transaction', async () => {
    const { api, count } = chapter();
    const before = count('SELECT count(*) FROM members');
    expect(await api.callAsync('importRoster', file(roster))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(count('SELECT count(*) FROM members')).toBe(before);

    const fixed = Buffer.from(roster.toString('utf8').split('\n').filter((line) => !/^(Di|Ed|Fay|Gus),/.test(line)).join('\n'));
    const result = ok<any>(await api.callAsync('importRoster', file(fixed)));
    expect(result.imported).toBe(3);
    const members = ok<any[]>(api.call('listMembers', { scope: 'all' }));
    expect(members.find((m) => m.firstName === 'Bo')).toMatchObject({ classificationName: 'Catering', joinedOn: '2025-03-06', renewalDue: '2027-03-06', status: 'active' });
    expect(members.find((m) => m.firstName === 'Cy')).toMatchObject({ status: 'applicant', classificationName: 'Photography' });
    // Importing the same roster again adds nobody.
    const again = ok<any>(await api.callAsync('importRoster', file(fixed)));
    expect(again).toMatchObject({ imported: 0, alreadyMembers: 4 });
  });

  it('a file without the roster columns gets a plain message', async () => {
    const { api } = chapter();
    const result = await api.callAsync('previewRosterImport', file(Buffer.from('Name,Amount\nDana,12\n')));
    expect(result).toMatchObject({ ok: false, error: { message: 'roster.csv is not a roster: no header row with First Name and Last Name. Nothing was imported.' } });
  });
});
