import { describe, expect, it } from 'vitest';
import { addMember } from '../../src/services/members';
import { memberInput, openTestDb, smallChapter, testRegistry } from '../support/db';

function chapterWithPresident() {
  const opened = openTestDb();
  const seats = smallChapter(opened);
  const api = testRegistry(opened);
  const dana = addMember(opened.db, memberInput(seats.realEstate, 'Dana', 'Ruiz', { leadershipRole: 'president' }));
  return { opened, seats, api, dana };
}

describe('one President, one Vice President, one Secretary/Treasurer: the people who sign the audit', () => {
  it('refuses a second President, naming the one who holds the role, and adds nobody', () => {
    const { api, seats, opened } = chapterWithPresident();
    const second = api.call('addMember', memberInput(seats.mortgage, 'محمد', 'الأحمد', { leadershipRole: 'president' }));
    expect(second).toMatchObject({
      ok: false,
      error: { field: 'leadershipRole', message: 'Dana Ruiz is already President: take the role from Dana Ruiz first (a chapter has one President, who signs the quarterly audit).' },
    });
    expect(opened.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(1);
  });

  it('lets the role move once the holder gives it up, and lets a former President stay on record', () => {
    const { api, seats, dana } = chapterWithPresident();
    const { fullName, createdAt, updatedAt, classificationName, sphereName, sponsorName, ...fields } = dana;
    void [fullName, createdAt, updatedAt, classificationName, sphereName, sponsorName];
    expect(api.call('updateMember', { ...fields, leadershipRole: null }).ok).toBe(true);
    expect(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { leadershipRole: 'president' })).ok).toBe(true);
  });

  it('allows several members on the membership committee', () => {
    const { api, seats } = chapterWithPresident();
    expect(api.call('addMember', memberInput(seats.mortgage, 'Marcus', 'Chen', { leadershipRole: 'membership_committee' })).ok).toBe(true);
    expect(api.call('addMember', memberInput(seats.florist, 'Zoë', 'Müller', { leadershipRole: 'membership_committee' })).ok).toBe(true);
  });
});
