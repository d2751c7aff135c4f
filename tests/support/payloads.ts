// Payloads generated from a method's zod input schema: the right shape, with hostile values (edges of
// the allowed ranges, every script, huge and empty text, formula and markup fragments, impossible
// dates, ids of other kinds of record) and, most of the time, values the field accepts — so most
// payloads get past validation and reach the service. Field names choose the pools: a `memberId`
// gets a real member's id (or sometimes a meeting's), a `meetingOn` a date near the chapter's
// meetings (or 2026-02-30), `contentBase64` a real export of this chapter (or a hostile file).
import type { z } from 'zod';

/** A small seeded generator (mulberry32): the same seed gives the same payloads on every run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
export type Random = ReturnType<typeof seededRandom>;

export interface Pools {
  /** Real ids by kind: members, meetings, classifications, spheres, referrals, tyfcb, slips, disputes, batches. */
  ids: Record<string, string[]>;
  dates: string[];
  names: string[];
  backups: string[];
  files: string[];
  /** Real, valid payloads of a method (what the app itself sends), to be varied one value at a time. */
  examples: Record<string, unknown[]>;
}

const OMIT = Symbol('omit');

export const hostileTexts = [
  "'; DROP TABLE members; --",
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(A1:A9)',
  '@cmd|/c calc',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '👨‍👩‍👧‍👦🔥💸',
  'مرحبا بالعالم',
  'שלום\u202eevil',
  '王美玲',
  'प्रिया शर्मा',
  'Zoë Müller',
  'Zoe\u0308 Mu\u0308ller',
  '   ',
  '\u0000',
  'line\nbreak\r\nand tab\t',
  '\ud800',
  'Rs. -2,60,000.00',
  '1.250,50',
  '1e309',
  'NaN',
  '-0',
  '0',
  '{"__proto__":{"polluted":true}}',
  'constructor',
  '../../etc/passwd',
  'C:\\Windows\\system32',
];

const memberKeys = /^(memberId|giverId|receiverId|closerId|referrerId|memberAId|memberBId|invitedById|sponsorId|raisedById|recordedById|correctReferrerId|referrer)$/;
const idKinds: Array<[RegExp, string]> = [
  [memberKeys, 'members'],
  [/^meetingId$/, 'meetings'],
  [/^classificationIds?$/, 'classifications'],
  [/^sphereId$/, 'spheres'],
  [/^referralId$/, 'referrals'],
  [/^tyfcbId$/, 'tyfcb'],
  [/^batchId$/, 'batches'],
];

/** What `id` means for each method (the rest of `id`s take any slip). */
export const idKindOfMethod: Record<string, string> = {
  saveContactSphere: 'spheres',
  deleteContactSphere: 'spheres',
  saveClassification: 'classifications',
  deleteClassification: 'classifications',
  getMember: 'members',
  updateMember: 'members',
  saveReferral: 'referrals',
  setReferralStatus: 'referrals',
  referralHistory: 'referrals',
  saveTyfcb: 'tyfcb',
  saveOneToOne: 'oneToOnes',
  saveVisitor: 'visitors',
  saveCeu: 'ceus',
  resolveDispute: 'disputes',
};

const datePattern = /(On|Due|Date|Before|After)$|^(from|to|on|date|asOf|periodFrom|periodTo|before|after|since|until)$/;

function allIds(pools: Pools): string[] {
  return Object.values(pools.ids).flat();
}

function idFor(kind: string, pools: Pools, r: Random): string {
  const right = pools.ids[kind] ?? [];
  if (right.length && r.chance(0.85)) return r.pick(right);
  if (r.chance(0.7)) return r.pick(allIds(pools).length ? allIds(pools) : ['none']); // an id of another kind of record
  return r.pick(['00000000-0000-0000-0000-000000000000', 'x'.repeat(64), ' ', '1 OR 1=1', '\u0000']);
}

/** Candidates for a text field, by its name. */
function textCandidates(key: string, method: string, pools: Pools, r: Random, max: number): string {
  if (key === 'id') {
    const kind = idKindOfMethod[method] ?? 'slips';
    return idFor(kind, pools, r);
  }
  for (const [pattern, kind] of idKinds) if (pattern.test(key)) return idFor(kind, pools, r);
  if (datePattern.test(key)) {
    return r.chance(0.8) ? r.pick(pools.dates) : r.pick(['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '1900-01-01', '2024-02-29', '24/11/2026', '11/24/2026', '2026-1-5', '']);
  }
  if (key === 'producedAt') return r.pick(['2026-11-23T10:00:00.000Z', '2026-11-23T10:00:00Z', '1970-01-01T00:00:00.000Z', '2026-11-23', 'yesterday']);
  if (key === 'contentBase64') return r.chance(0.85) ? r.pick(pools.files) : r.pick(['', '!!!not base64!!!', Buffer.from('\u0000'.repeat(64)).toString('base64')]);
  if (key === 'fileName') return r.pick(['slips-audit.csv', 'roster.xlsx', 'PALMS report.xls', 'Ärger 会議 تقرير.csv', 'a'.repeat(260), '../../outside.csv', 'CON', '']);
  if (key === 'name' && method === 'restoreBackup') return r.chance(0.7) && pools.backups.length ? r.pick(pools.backups) : r.pick(['../chapter-ledger.sqlite', 'chapter-ledger-20991231-000000-000-manual.sqlite', '/etc/passwd', '']);
  if (/email/i.test(key)) return r.pick(['dana@example.com', 'ünï@例え.jp', 'no-at-sign', '', 'a@b.c', `${'x'.repeat(250)}@b.co`]);
  if (/phone/i.test(key)) return r.pick(['+1 (951) 555-0101', '0049 30 1234567', '', '555-CALL-NOW', '٠١٢٣٤٥٦٧٨٩']);
  if (key === 'currency') return r.pick(['USD', 'JPY', 'KWD', 'EUR', 'INR', 'usd', 'XXX', 'ABC', '']);
  if (key === 'locale') return r.pick(['en-US', 'de-DE', 'ja-JP', 'ar-EG', 'hi-IN', 'zz', 'en_US', '']);
  if (key === 'meetingTime') return r.pick(['07:00', '23:59', '24:00', '7:00', '']);
  if (/amount/i.test(key)) return r.pick(['1250.50', '1.250,50', '1,250.50', '0', '0.01', '-5', '¥1,000', '12345678901234567890', '1e3', '12.345', '']);
  if (key === 'substituteName' || /name$/i.test(key)) {
    if (pools.names.length && r.chance(0.3)) return r.pick(pools.names);
  }
  const roll = r.next();
  if (roll < 0.55) return r.pick(hostileTexts);
  if (roll < 0.7) return r.pick(['Kara Lind', 'Alvarez family', 'Coffee at the harbour', 'A slip was missed', 'Podcast']);
  if (roll < 0.85) return 'Ž'.repeat(Math.max(1, Math.min(max, 20_000))); // exactly the longest allowed
  if (roll < 0.92) return 'x'.repeat(Math.min(max + 1, 100_000)); // one too long
  return '';
}

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
type Check = { _zod: { def: { check: string; value?: number; inclusive?: boolean; minimum?: number; maximum?: number; format?: string } } };

function bounds(def: Def) {
  let min = -Infinity;
  let max = Infinity;
  let int = false;
  let minLength = 0;
  let maxLength = 100_000;
  for (const c of (def.checks as Check[] | undefined) ?? []) {
    const d = c._zod.def;
    if (d.check === 'greater_than') min = d.inclusive ? d.value! : d.value! + 1;
    if (d.check === 'less_than') max = d.inclusive ? d.value! : d.value! - 1;
    if (d.check === 'number_format' && /int/.test(d.format ?? '')) int = true;
    if (d.check === 'min_length') minLength = d.minimum ?? 0;
    if (d.check === 'max_length') maxLength = d.maximum ?? maxLength;
  }
  return { min, max, int, minLength, maxLength };
}

function leaf(schema: z.ZodType, key: string, method: string, pools: Pools, r: Random): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return textCandidates(key, method, pools, r, bounds(def).maxLength);
    case 'number': {
      const b = bounds(def);
      const lo = Number.isFinite(b.min) ? b.min : -1_000_000;
      const hi = Number.isFinite(b.max) ? b.max : 1_000_000;
      return r.pick([lo, hi, r.int(Math.ceil(lo), Math.floor(hi)), r.int(Math.ceil(lo), Math.floor(hi)), lo - 1, hi + 1, 0, 0.5, -0, 2 ** 53, Number.NaN]);
    }
    case 'boolean':
      return r.chance(0.5);
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string>);
      return r.chance(0.95) ? r.pick(values) : 'not-one-of-them';
    }
    case 'literal':
      return (def.values as unknown[])[0];
    default:
      return undefined;
  }
}

/** A value for `schema`: valid most of the time (rejection sampling on leaves), hostile within it. */
export function generate(schema: z.ZodType, pools: Pools, r: Random, method: string, key = '', depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 8) return undefined;
  switch (def.type) {
    case 'object': {
      const build = () => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          const value = generate(v, pools, r, method, k, depth + 1);
          if (value !== OMIT) out[k] = value;
        }
        return out;
      };
      let out = build();
      // Rules across fields (from on or before to): most of the time, draw again until they hold.
      if ((def.checks as unknown[] | undefined)?.length && r.chance(0.85)) for (let i = 0; i < 6 && !accepts(schema, out); i++) out = build();
      if (r.chance(0.02)) out[r.pick(['__proto__', 'constructor', 'extra'])] = 'unexpected';
      return out;
    }
    case 'optional':
      return r.chance(0.25) ? OMIT : generate(def.innerType as z.ZodType, pools, r, method, key, depth + 1);
    case 'default':
    case 'prefault':
      return r.chance(0.25) ? OMIT : generate(def.innerType as z.ZodType, pools, r, method, key, depth + 1);
    case 'nullable':
      return r.chance(0.15) ? null : generate(def.innerType as z.ZodType, pools, r, method, key, depth + 1);
    case 'pipe':
      return generate(def.in as z.ZodType, pools, r, method, key, depth + 1);
    case 'union':
      return generate(r.pick(def.options as z.ZodType[]), pools, r, method, key, depth + 1);
    case 'array': {
      const { minLength, maxLength } = bounds(def);
      const n = r.chance(0.9) ? r.int(minLength, Math.min(maxLength, minLength + 3)) : r.pick([0, minLength - 1, maxLength + 1].filter((x) => x >= 0 && x <= 600));
      return Array.from({ length: n }, () => generate(def.element as z.ZodType, pools, r, method, key, depth + 1));
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      const n = r.pick([0, 1, 2]);
      for (let i = 0; i < n; i++) {
        // Keys as the record's own key type wants them most of the time (a name for aliases, a file
        // row number for fixes), a hostile text now and then.
        let k = r.chance(0.7) && pools.names.length ? r.pick(pools.names) : r.pick(hostileTexts);
        if (def.keyType && r.chance(0.9) && !accepts(def.keyType as z.ZodType, k)) {
          const drawn = generate(def.keyType as z.ZodType, pools, r, method, key, depth + 1);
          if (typeof drawn === 'string') k = drawn;
        }
        out[k] = generate(def.valueType as z.ZodType, pools, r, method, key === 'aliases' ? 'memberId' : key, depth + 1);
      }
      return out;
    }
    default: {
      // A leaf: most of the time keep drawing until the field itself accepts the value.
      const wantValid = r.chance(0.93);
      let value = leaf(schema, key, method, pools, r);
      for (let i = 0; wantValid && i < 8 && !accepts(schema, value); i++) value = leaf(schema, key, method, pools, r);
      // A field the names do not explain: try what fields usually hold (a date, an id, a name, a month).
      if (wantValid && def.type === 'string' && !accepts(schema, value)) {
        const usual = [r.pick(pools.dates), r.pick(allIds(pools)), r.pick(pools.names.length ? pools.names : ['Dana Ruiz']), '2026-10', 'P', String(r.int(1, 400))];
        value = usual.find((v) => accepts(schema, v)) ?? value;
      }
      return value;
    }
  }
}

/** One leaf of a real payload changed to a hostile value (or none, half the time). */
function vary(example: unknown, r: Random): unknown {
  const copy = structuredClone(example) as Record<string, unknown>;
  if (r.chance(0.5)) return copy;
  const leaves: Array<[Record<string, unknown>, string]> = [];
  const walk = (node: unknown) => {
    if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) v && typeof v === 'object' ? walk(v) : leaves.push([node as Record<string, unknown>, k]);
  };
  walk(copy);
  if (!leaves.length) return copy;
  const [parent, key] = r.pick(leaves);
  const was = parent[key];
  parent[key] = typeof was === 'number' ? r.pick([0, -1, was + 1, 10 ** 9, 0.5, Number.NaN]) : typeof was === 'boolean' ? !was : r.pick(hostileTexts);
  return copy;
}

/** A whole payload for a method; the top-level OMIT (an optional input) becomes undefined. */
export function payloadFor(schema: z.ZodType, pools: Pools, r: Random, method: string): unknown {
  const examples = pools.examples[method];
  if (examples?.length && r.chance(0.6)) return vary(r.pick(examples), r);
  const value = generate(schema, pools, r, method);
  return value === OMIT ? undefined : value;
}

/** Does the schema accept the value? A refinement that throws on odd input counts as a refusal. */
export function accepts(schema: z.ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}
