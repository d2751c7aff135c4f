import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

let opened: OpenedDatabase;
let api: Registry;
let seats: ReturnType<typeof smallChapter>;

const ok = <T = any>(result: ReturnType<Registry['call']>): T => {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};
const countMembers = () => (opened.sqlite.prepare('SELECT count(*) n FROM members').get() as { n: number }).n;

beforeEach(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  seats = smallChapter(opened);
});

describe('one seat per classification', () => {
  it('a second realtor cannot take the realtor seat, and is told who holds it since when', () => {
    ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
    const second = api.call('addMember', memberInput(seats.realEstate, 'Sam', 'Other'));
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'seat_taken',
        field: 'classificationId',
        message: 'Real Estate — Residential is held by Dana Ruiz since 2025-03-04.',
      },
    });
    expect(countMembers()).toBe(1);
  });

  it('an applicant reserves the seat', () => {
    ok(api.call('addMember', memberInput(seats.florist, 'Ann', 'Applicant', { status: 'applicant', joinedOn: '2026-11-01' })));
    const second = api.call('addMember', memberInput(seats.florist, 'Bea', 'Bloom'));
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error.message).toBe('Florist is reserved by applicant Ann Applicant since 2026-11-01.');
  });

  it('a member on leave keeps the seat', () => {
    const dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
    ok(api.call('updateMember', { ...memberInput(seats.realEstate, 'Dana', 'Ruiz'), id: dana.id, status: 'on_leave' }));
    const second = api.call('addMember', memberInput(seats.realEstate, 'Sam', 'Other'));
    expect(!second.ok && second.error.message).toBe('Real Estate — Residential is held by Dana Ruiz (on leave) since 2025-03-04.');
  });

  it('a former member frees the seat for the next one, and the seat remembers both', () => {
    const steve = ok(api.call('addMember', memberInput(seats.realEstate, 'Steve', 'Harlan', { joinedOn: '2019-05-07' })));
    ok(api.call('updateMember', { ...memberInput(seats.realEstate, 'Steve', 'Harlan', { joinedOn: '2019-05-07' }), id: steve.id, status: 'former', leftOn: '2025-02-25' }));
    const dana = ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
    expect(dana.status).toBe('active');

    const history = ok<any[]>(api.call('seatHistory', { classificationId: seats.realEstate }));
    expect(history.map((h) => [h.memberName, h.fromOn, h.toOn])).toEqual([
      ['Dana Ruiz', '2025-03-04', null],
      ['Steve Harlan', '2019-05-07', '2025-02-25'],
    ]);
  });

  it('moving a member into a taken classification is refused and changes nothing', () => {
    ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
    const marcus = ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen')));
    const moved = api.call('updateMember', { ...memberInput(seats.realEstate, 'Marcus', 'Chen'), id: marcus.id });
    expect(!moved.ok && moved.error).toEqual({
      code: 'seat_taken',
      field: 'classificationId',
      message: 'Cannot move: Real Estate — Residential is held by Dana Ruiz since 2025-03-04.',
    });
    const still = ok(api.call('getMember', { id: marcus.id }));
    expect(still.member.classificationName).toBe('Mortgage Broker');
  });

  it('moving to an open classification closes the old tenure and opens a new one', () => {
    const marcus = ok(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen')));
    ok(api.call('updateMember', { ...memberInput(seats.florist, 'Marcus', 'Chen'), id: marcus.id }));
    const detail = ok(api.call('getMember', { id: marcus.id }));
    expect(detail.seatHistory).toHaveLength(2);
    expect(detail.seatHistory.filter((t: any) => t.toOn === null).map((t: any) => t.classificationName)).toEqual(['Florist']);
    const map = ok(api.call('seatMap', {}));
    const mortgage = map.spheres.flatMap((s: any) => s.classifications).find((c: any) => c.name === 'Mortgage Broker');
    expect(mortgage.seat).toBe('open');
  });

  it('a raw SQL insert of a second active member in a held classification fails in the database itself', () => {
    ok(api.call('addMember', memberInput(seats.realEstate, 'Dana', 'Ruiz')));
    const insert = opened.sqlite.prepare(
      "INSERT INTO members (id, first_name, last_name, classification_id, status, joined_on) VALUES (?, 'Raw', 'Insert', ?, ?, '2026-01-01')",
    );
    expect(() => insert.run('raw-1', seats.realEstate, 'active')).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run('raw-2', seats.realEstate, 'applicant')).toThrow(/UNIQUE constraint failed/);
    // A former member in the same classification is history, not a seat.
    opened.sqlite
      .prepare("INSERT INTO members (id, first_name, last_name, classification_id, status, joined_on, left_on) VALUES ('raw-3', 'Old', 'Timer', ?, 'former', '2010-01-01', '2012-01-01')")
      .run(seats.realEstate);
    expect(countMembers()).toBe(2);
  });
});

describe('bad input gets a sentence next to the field and changes nothing', () => {
  it.each([
    [{ firstName: '  ' }, 'firstName', 'Enter first name.'],
    [{ email: 'dana-at-example' }, 'email', 'Email does not look like an email address (name@example.com).'],
    [{ joinedOn: '2026-02-30' }, 'joinedOn', 'Joined on must be a real date written YYYY-MM-DD.'],
    [{ classificationId: 'no-such-seat' }, 'classificationId', 'Choose a classification from the list (that one does not exist).'],
    [{ phone: 'call me' }, 'phone', 'Phone may hold digits, spaces and + ( ) - . / only.'],
    [{ renewalDue: '2020-01-01' }, 'renewalDue', 'Renewal due cannot be before the day the member joined.'],
  ])('%o is refused on %s', (change, field, message) => {
    const result = api.call('addMember', { ...memberInput(seats.realEstate, 'Dana', 'Ruiz'), ...change });
    expect(result).toMatchObject({ ok: false, error: { field, message } });
    expect(countMembers()).toBe(0);
  });

  it('a field the contract does not know is refused by name', () => {
    const result = api.call('addMember', { ...memberInput(seats.realEstate, 'Dana', 'Ruiz'), isAdmin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'isAdmin' } });
  });

  it('a method that is not in the contract is refused', () => {
    expect(api.call('dropAllTables', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('chapter details', () => {
  const details = {
    name: 'Harbour Connectors North',
    region: 'Harbour',
    meetingWeekday: 4,
    meetingTime: '06:45',
    currency: 'eur',
    locale: 'de-DE',
  };

  it('keeps one chapter per file and updates it in place', () => {
    const before = ok(api.call('getChapter', {}));
    const after = ok(api.call('saveChapter', details));
    expect(after).toMatchObject({ id: before.id, name: 'Harbour Connectors North', currency: 'EUR', locale: 'de-DE', absenceLimit: 3 });
    expect((opened.sqlite.prepare('SELECT count(*) n FROM chapter').get() as { n: number }).n).toBe(1);
  });

  it('refuses a currency nobody uses and a meeting time past midnight', () => {
    expect(api.call('saveChapter', { ...details, currency: 'DOLLARS' })).toMatchObject({ ok: false, error: { field: 'currency' } });
    expect(api.call('saveChapter', { ...details, meetingTime: '25:00' })).toMatchObject({ ok: false, error: { field: 'meetingTime' } });
  });

  it('a second chapter row cannot be inserted behind the app\'s back', () => {
    expect(() =>
      opened.sqlite.prepare("INSERT INTO chapter (id, name, meeting_weekday, currency, locale) VALUES ('x', 'Other', 1, 'USD', 'en-US')").run(),
    ).toThrow(/UNIQUE constraint failed: chapter.singleton/);
  });
});
