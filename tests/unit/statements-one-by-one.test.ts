// The secretary previews each member's statement in turn (a request each): from the second one on, the
// period's tallies and the chapter's scorecard are read once and kept while the chapter file is unchanged
// (issue 16). What each statement prints must be what it prints alone, and a change made between two
// statements — a meeting closed, another connection's write — must show on the next one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ledgerState } from '../../src/db/ledger-state';
import { memberStatementReport } from '../../src/reports/member-statement';
import { memberStatementData, reportDefinition, statementsSharedWhileUnchanged } from '../../src/services/reports';
import { buildFirstQuarter, okValue as ok } from '../support/first-quarter';
import { openTestDb } from '../support/db';

const quarter = { from: '2026-01-01', to: '2026-03-31' };
const producedAt = new Date('2026-04-10T09:30:00Z');

/** What the statement prints, as pdfmake is handed it (the page frame's functions aside). */
const printed = (definition: { content: unknown }) => JSON.stringify(definition.content);
/** The cells of the table row that starts with `label`, as printed. */
function row(definition: { content: unknown }, label: string): string[] {
  const rows: string[][] = [];
  JSON.parse(printed(definition), (_key, value: unknown) => {
    if (Array.isArray(value) && value.length > 0 && value.every((c) => c && typeof c === 'object' && 'text' in c)) rows.push(value.map((c: { text: string }) => c.text));
    return value;
  });
  return rows.find((r) => r[0] === label) ?? [];
}

describe('member statements asked one after another', () => {
  it('print for every member exactly what that member\u2019s statement prints alone, in any order, twice over', () => {
    const q = buildFirstQuarter();
    const members = ['Ann', 'Bob', 'Cat', 'Dan', 'Ann', 'Dan', 'Bob'];
    for (const who of members) {
      const oneByOne = reportDefinition(q.opened.db, { report: 'member_statement', memberId: q.ids[who]!, ...quarter }, producedAt).definition;
      const alone = memberStatementReport(memberStatementData(q.opened.db, q.ids[who]!, quarter, producedAt), producedAt);
      expect(printed(oneByOne), who).toBe(printed(alone));
    }
    q.opened.close();
  });

  it('keeps the period\u2019s figures from the second statement on, and reads them again after a meeting is closed', () => {
    const q = buildFirstQuarter();
    const db = q.opened.db;
    // The first statement of a period reads only its own member (a single preview costs no more than before).
    expect(statementsSharedWhileUnchanged(db, quarter, producedAt)).toBeUndefined();
    const kept = statementsSharedWhileUnchanged(db, quarter, producedAt);
    expect(kept).toBeDefined();
    expect(statementsSharedWhileUnchanged(db, quarter, producedAt)).toBe(kept);
    const annGave = () => reportDefinition(db, { report: 'member_statement', memberId: q.ids.Ann!, ...quarter }, producedAt).definition;
    // Ann gave two referrals outside the chapter in Q1 (M1, M2); her slip at the draft meeting of 01-28 does not count yet.
    expect(kept!.tallies.find((t) => t.memberId === q.ids.Ann)!.rgo).toBe(2);
    expect(row(annGave(), 'Referrals outside')).toEqual(['Referrals outside', '2', '2', '0']);

    // The 01-28 meeting is closed between two statements: Ann's next statement counts its slip.
    const draft = ok<Array<{ id: string; meetingOn: string }>>(q.api.call('listMeetings', {})).find((m) => m.meetingOn === '2026-01-28')!;
    for (const who of ['Ann', 'Bob', 'Cat', 'Dan']) ok(q.api.call('setAttendance', { meetingId: draft.id, memberId: q.ids[who], mark: 'P', substituteName: '' }));
    ok(q.api.call('closeMeeting', { meetingId: draft.id }));
    expect(statementsSharedWhileUnchanged(db, quarter, producedAt)).toBeUndefined();
    expect(row(annGave(), 'Referrals outside')).toEqual(['Referrals outside', '3', '2', '1']);
    const again = statementsSharedWhileUnchanged(db, quarter, producedAt);
    expect(again).not.toBe(kept);
    expect(again!.tallies.find((t) => t.memberId === q.ids.Ann)!.rgo).toBe(3);

    // Another period, another day of production: not the kept figures.
    expect(statementsSharedWhileUnchanged(db, { from: '2026-01-01', to: '2026-01-31' }, producedAt)).toBeUndefined();
    expect(statementsSharedWhileUnchanged(db, quarter, producedAt)).toBeUndefined();
    statementsSharedWhileUnchanged(db, quarter, producedAt);
    expect(statementsSharedWhileUnchanged(db, quarter, new Date('2026-04-11T09:30:00Z'))).toBeUndefined();
    q.opened.close();
  });

  it('inside a change (a transaction) keeps nothing: what it reads may yet be rolled back', () => {
    const q = buildFirstQuarter();
    q.opened.db.transaction((tx) => {
      expect(ledgerState(tx as never)).toBeNull();
      expect(statementsSharedWhileUnchanged(tx as never, quarter, producedAt)).toBeUndefined();
      expect(statementsSharedWhileUnchanged(tx as never, quarter, producedAt)).toBeUndefined();
    });
    q.opened.close();
  });

  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-one-by-one-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  it('sees a write committed by another connection to the same file (a worker thread\u2019s) as a change', () => {
    const file = path.join(folder, 'chapter.sqlite');
    const opened = openTestDb(file);
    const before = ledgerState(opened.db);
    expect(ledgerState(opened.db)).toBe(before);
    const other = new Database(file);
    other.prepare('CREATE TABLE worker_note (x INTEGER)').run();
    other.prepare('INSERT INTO worker_note VALUES (1)').run();
    other.close();
    expect(ledgerState(opened.db)).not.toBe(before);
    // And one of its own writes, even one changing a row to what it was.
    const after = ledgerState(opened.db);
    opened.sqlite.prepare('UPDATE worker_note SET x = x').run();
    expect(ledgerState(opened.db)).not.toBe(after);
    opened.close();
  });
});
