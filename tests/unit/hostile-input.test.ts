import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/open';
import type { Registry } from '../../src/server/registry';
import { loadDemoChapter } from '../../src/services/demo';
import { methodNames } from '../../src/shared/methods';
import { openTestDb, testRegistry } from '../support/db';

/*
 * Every contract method receives generated payloads through the registry the app uses: wrong types,
 * missing and extra fields, huge strings, negative and fractional money, NaN, impossible dates, SQL
 * and HTML fragments, emoji and right-to-left names, mixed with real ids so some payloads get deep.
 * Required: no crash ("internal"), no write from a rejected payload, and a readable sentence.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

let opened: OpenedDatabase;
let api: Registry;
let ids: string[] = [];

beforeAll(() => {
  opened = openTestDb();
  api = testRegistry(opened);
  loadDemoChapter(opened.db, '2026-11-22');
  const one = (sql: string) => opened.sqlite.prepare(sql).pluck().all() as string[];
  ids = [...one('SELECT id FROM members LIMIT 6'), ...one('SELECT id FROM meetings LIMIT 3'), ...one('SELECT id FROM classifications LIMIT 3'), ...one('SELECT id FROM referrals LIMIT 3')];
});

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    "'; DROP TABLE members; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '👨‍👩‍👧‍👦🔥💸',
    'مرحبا بالعالم',
    'שלום\u202e',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '-1',
    '12.345',
    '1e309',
    'NaN',
    ' ',
    '\u0000',
    'Rs. -2,60,000.00',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(...['x', 'y']).chain(() => fc.constantFrom(...(ids.length ? ids : ['none']))),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, -1, 0.5, 2 ** 53, -125050),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const fieldNames = [
  'id', 'name', 'firstName', 'lastName', 'company', 'classificationId', 'sphereId', 'phone', 'email', 'status', 'joinedOn', 'renewalDue',
  'sponsorId', 'leadershipRole', 'leftOn', 'scope', 'meetingId', 'meetingOn', 'memberId', 'mark', 'substituteName', 'reason', 'giverId',
  'receiverId', 'referralKind', 'temperature', 'prospectName', 'prospectEmail', 'closerId', 'referrerId', 'amount', 'business', 'tyfcbKind',
  'referralId', 'memberAId', 'memberBId', 'metOn', 'invitedById', 'credits', 'kind', 'from', 'to', 'report', 'producedAt', 'profile',
  'confirmDuplicate', 'confirmWarnings', 'olderThanDays', 'meetingWeekday', 'meetingTime', 'currency', 'locale', '__proto__', 'constructor',
];
const payload = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...fieldNames), hostileValue, { maxKeys: 8 }) },
);

const digest = () => createHash('sha256').update(opened.sqlite.serialize()).digest('hex');
const changes = () => opened.sqlite.prepare('SELECT total_changes()').pluck().get() as number;

describe('hostile input to every contract method', () => {
  it.each(methodNames.map((m) => [m]))(`%s: ${RUNS} payloads, no crash, no write when refused, a sentence for every refusal`, async (method) => {
    let refused = 0;
    let checkedBytes = 0;
    const samples = fc.sample(payload, { numRuns: RUNS, seed: method.length * 7919 });
    for (const [i, input] of samples.entries()) {
      const deep = i % 997 === 0;
      const before = changes();
      const bytes = deep ? digest() : '';
      const result = await api.callAsync(method, input);
      if (result.ok) continue;
      refused++;
      expect(result.error.code, `${method} crashed on ${JSON.stringify(input)?.slice(0, 200)}: ${result.error.message}`).not.toBe('internal');
      expect(changes(), `${method} wrote from a refused payload`).toBe(before);
      if (deep) {
        checkedBytes++;
        expect(digest()).toBe(bytes);
      }
      expect(result.error.message.length).toBeGreaterThan(5);
      expect(result.error.message.length).toBeLessThan(600);
      expect(result.error.message).not.toMatch(/\n\s+at |Error:|undefined|\[object Object\]/);
      if (result.error.field !== undefined) expect(typeof result.error.field).toBe('string');
    }
    expect(refused + checkedBytes).toBeGreaterThan(0);
  }, 240_000);
});
