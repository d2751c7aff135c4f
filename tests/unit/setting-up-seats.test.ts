import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { listClassifications, saveClassification, saveContactSphere } from '../../src/services/classifications';
import { openTestDb, smallChapter, testRegistry } from '../support/db';

function setUp() {
  const opened = openTestDb();
  const seats = smallChapter(opened);
  const api = testRegistry(opened);
  const office = saveContactSphere(opened.db, { name: 'Office services', description: '' });
  const plain = ['Accountant', 'Bookkeeper', 'Payroll — 工资', 'محاسب قانوني'].map((name) => saveClassification(opened.db, { name, sphereId: null }).id);
  const audits = () => opened.db.select().from(auditLog).all().length;
  return { opened, api, seats, office, plain, audits };
}

describe('a new secretary puts many classifications in a contact sphere at once', () => {
  it('moves every ticked classification in one step, each change in the audit log', () => {
    const { opened, api, office, plain, audits } = setUp();
    const before = audits();
    const result = api.call('moveClassificationsToSphere', { classificationIds: plain, sphereId: office.id });
    expect(result.ok).toBe(true);
    const now = listClassifications(opened.db).filter((c) => plain.includes(c.id));
    expect(now.map((c) => c.sphereName)).toEqual(['Office services', 'Office services', 'Office services', 'Office services']);
    expect(audits() - before).toBe(4);
  });

  it('leaves a classification already in that sphere alone and writes nothing for it', () => {
    const { api, seats, audits } = setUp();
    const before = audits();
    expect(api.call('moveClassificationsToSphere', { classificationIds: [seats.realEstate, seats.florist], sphereId: seats.home.id }).ok).toBe(true);
    expect(audits() - before).toBe(1); // only the florist moved
  });

  it('takes them out of every sphere when none is chosen', () => {
    const { opened, api, seats } = setUp();
    api.call('moveClassificationsToSphere', { classificationIds: [seats.realEstate, seats.mortgage], sphereId: null });
    expect(listClassifications(opened.db).filter((c) => c.sphereId === null).map((c) => c.name)).toContain('Mortgage Broker');
  });

  it('moves nothing when one ticked classification was removed meanwhile, and says what to do', () => {
    const { opened, api, office, plain, audits } = setUp();
    const before = audits();
    const result = api.call('moveClassificationsToSphere', { classificationIds: [...plain, '0f8fad5b-d9cb-469f-a165-70867728950e'], sphereId: office.id });
    expect(result).toMatchObject({ ok: false, error: { field: 'classificationIds' } });
    expect(!result.ok && result.error.message).toBe('1 of the ticked classifications no longer exist: refresh the list and tick them again.');
    expect(listClassifications(opened.db).filter((c) => plain.includes(c.id)).every((c) => c.sphereId === null)).toBe(true);
    expect(audits()).toBe(before);
  });

  it('asks for a tick when none is given, and for a real sphere', () => {
    const { api, plain } = setUp();
    const none = api.call('moveClassificationsToSphere', { classificationIds: [], sphereId: null });
    expect(!none.ok && none.error.message).toContain('Tick at least one classification');
    const gone = api.call('moveClassificationsToSphere', { classificationIds: plain, sphereId: '0f8fad5b-d9cb-469f-a165-70867728950e' });
    expect(gone).toMatchObject({ ok: false, error: { field: 'sphereId' } });
  });
});
