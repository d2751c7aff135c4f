// A fresh chapter file for each test: the real migrations on an in-memory SQLite database.
import { openDatabase, type OpenedDatabase } from '../../src/db/open';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { createRegistry, type Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';
import { saveClassification, saveContactSphere } from '../../src/services/classifications';

export function openTestDb(file = ':memory:'): OpenedDatabase {
  return openDatabase(file, { migrationsFolder: sourceMigrationsFolder });
}

export function testRegistry(opened: OpenedDatabase): Registry {
  return createRegistry({ db: opened.db, file: opened.file, appVersion: 'test' }, () => {});
}

/** A small chapter: one sphere with a few seats. */
export function smallChapter(opened: OpenedDatabase) {
  const { db } = opened;
  saveChapter(db, {
    name: 'Harbour Connectors',
    region: 'Harbour',
    meetingWeekday: 3,
    meetingTime: '07:00',
    currency: 'USD',
    locale: 'en-US',
    absenceLimit: 3,
    absenceWindowMonths: 6,
    noReferralWeeks: 4,
    openReferralDays: 30,
  });
  const home = saveContactSphere(db, { name: 'Home', description: '' });
  const seat = (name: string) => saveClassification(db, { name, sphereId: home.id }).id;
  return {
    home,
    realEstate: seat('Real Estate — Residential'),
    mortgage: seat('Mortgage Broker'),
    florist: saveClassification(db, { name: 'Florist', sphereId: null }).id,
  };
}

export const memberInput = (classificationId: string, first: string, last: string, extra: Record<string, unknown> = {}) => ({
  firstName: first,
  lastName: last,
  company: `${last} Ltd`,
  classificationId,
  phone: '',
  email: '',
  status: 'active' as const,
  joinedOn: '2025-03-04',
  renewalDue: null,
  sponsorId: null,
  leadershipRole: null,
  ...extra,
});
