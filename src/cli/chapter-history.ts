// A chapter file written the way the app writes one: every member, meeting, attendance mark, slip,
// amendment and follow-up goes through the registry (validation, services, audit log), week after
// week. No ANALYZE of its own: the file gets only what the app itself does to it. Used by
// `npm run bench` (ten years of a 60-member chapter) and, small, by the query-plan test.
// writeChapterHistoryByImport writes the same chapter the way a chapter that hands its slips in on BNI
// Connect leaves its file: each meeting opened, its attendance marked and the meeting closed as above,
// but its slips arrive as that week's Slips Audit Report, previewed and imported through the registry
// (one import batch and one audit entry per meeting listing every slip it created). A million slips
// then take minutes instead of hours (a typed slip costs ~3.5 ms of CPU, an imported one ~0.1 ms).
import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import type { Registry } from '../server/registry';
import { addDays } from '../shared/dates';

export interface HistoryShape {
  members: number;
  weeks: number;
  /** Slips per meeting on average (referrals, TYFCB, one-to-ones, visitors, CEUs). */
  slipsPerMeeting: number;
  /** The first meeting's date; the chapter meets on that weekday every week after it. */
  firstMeetingOn: string;
  seed?: number;
  /** Told before each week is written, with the number of weeks written so far (progress). */
  onWeek?: (weeksWritten: number) => void;
}

export interface WrittenHistory {
  meetings: number;
  slips: number;
  lastMeetingOn: string;
  lastMeetingId: string;
  memberIds: string[];
}

const spheres = ['Home', 'Health', 'Business services', 'Events', 'Trades', 'Money'];
const firstNames = ['Dana', 'Marcus', 'Lucía', 'Wei', 'Aaliyah', 'Priya', 'Jonas', 'Fatima', 'Kenji', 'Olumide', 'Ingrid', 'Rahul', 'Sofia', 'Tomás', 'Mei', 'Yusuf'];
const lastNames = ['Ruiz', 'Chen', 'Fernández', '王', 'Haddad', 'शर्मा', 'Okafor', 'Lindqvist', 'Nakamura', 'Adeyemi', 'Kowalski', 'Márquez', 'Van der Berg', 'Al-Masri', 'Patel', 'Murphy'];
const marks = ['A', 'L', 'M', 'S'] as const;

/** A small seeded generator: the same shape gives the same file. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One week's meeting, open and with its attendance marked, waiting for its slips. */
interface OpenWeek {
  week: number;
  day: string;
  meetingId: string;
  /** How many slips this week (around slipsPerMeeting). */
  count: number;
  /** This quarter's members, id and full name as the roster shows it. */
  current: Array<{ id: string; name: string }>;
}

type Call = <T = { id: string }>(method: string, input: unknown) => T;

/** The chapter week by week; at each meeting's slips it yields, and the caller writes them before the meeting is closed. */
function* chapterWeeks(call: Call, shape: HistoryShape, rand: () => number, recentReferrals: string[]): Generator<OpenWeek, Omit<WrittenHistory, 'slips'>, void> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const weekday = new Date(`${shape.firstMeetingOn}T00:00:00Z`).getUTCDay();
  call('saveChapter', { name: 'Ten Years Chapter', region: 'Bench County', meetingWeekday: weekday, meetingTime: '07:00', currency: 'EUR', locale: 'de-DE' });
  const sphereIds = spheres.map((name) => call('saveContactSphere', { name }).id);
  const seats: string[] = [];
  for (let i = 0; i < shape.members; i++) {
    seats.push(call('saveClassification', { name: `Trade ${String(i + 1).padStart(2, '0')} — ${pick(['Residential', 'Commercial', 'Family', 'Corporate'])}`, sphereId: sphereIds[i % sphereIds.length] }).id);
  }
  let hired = 0;
  const seat = (classificationId: string, joinedOn: string) => {
    hired++;
    const first = firstNames[hired % firstNames.length]!;
    const last = `${lastNames[(hired * 7) % lastNames.length]} ${hired}`;
    const id = call('addMember', { firstName: first, lastName: last, company: `${last} & Partners GmbH`, classificationId, joinedOn, renewalDue: addDays(joinedOn, 365) }).id;
    return { id, classificationId, name: `${first} ${last}` };
  };
  const joined = addDays(shape.firstMeetingOn, -30);
  const current = seats.map((classificationId) => seat(classificationId, joined));
  const allMembers = current.map((m) => m.id);

  let day = shape.firstMeetingOn;
  let meetings = 0;
  let lastMeetingId = '';
  let lastMeetingOn = day;
  for (let week = 0; week < shape.weeks; week++, day = addDays(day, 7)) {
    shape.onWeek?.(week);
    // A holiday now and then: the meeting is created, then cancelled with a reason.
    if (week % 52 === 51) {
      const holiday = call('createMeeting', { meetingOn: day });
      call('cancelMeeting', { meetingId: holiday.id, reason: 'Holiday: no meeting this week' });
      continue;
    }
    // Churn: every quarter one member leaves and a new one takes the seat.
    if (week > 0 && week % 13 === 0) {
      const slot = Math.floor(rand() * current.length);
      const leaving = current[slot]!;
      const detail = call<{ member: Record<string, unknown> }>('getMember', { id: leaving.id }).member;
      call('updateMember', {
        id: leaving.id,
        firstName: detail.firstName, lastName: detail.lastName, company: detail.company, classificationId: leaving.classificationId,
        phone: detail.phone, email: detail.email, status: 'former', joinedOn: detail.joinedOn, renewalDue: null, sponsorId: null, leadershipRole: null,
        leftOn: addDays(day, -1),
      });
      const newcomer = seat(leaving.classificationId, addDays(day, -1));
      current[slot] = newcomer;
      allMembers.push(newcomer.id);
    }
    const meeting = call('createMeeting', { meetingOn: day });
    meetings++;
    lastMeetingId = meeting.id;
    lastMeetingOn = day;
    for (let k = 0; k < 4; k++) {
      const m = pick(current);
      const mark = pick(marks);
      call('setAttendance', { meetingId: meeting.id, memberId: m.id, mark, substituteName: mark === 'S' ? 'Alex Substitute' : '' });
    }
    call('markAllPresent', { meetingId: meeting.id });
    const count = Math.round(shape.slipsPerMeeting * (0.8 + rand() * 0.4));
    yield { week, day, meetingId: meeting.id, count, current: current.map(({ id, name }) => ({ id, name })) };
    call('closeMeeting', { meetingId: meeting.id, confirmWarnings: true });
    // Follow-ups between meetings, and an amendment to a closed meeting now and then.
    for (let f = 0; f < 6 && recentReferrals.length > 0; f++) {
      const id = recentReferrals.shift()!;
      const status = pick(['contacted', 'meeting_set', 'won', 'lost'] as const);
      call('setReferralStatus', { id, status, on: day, ...(status === 'lost' ? { lostReason: pick(['price', 'timing', 'no_answer'] as const) } : {}), reason: '' });
    }
    if (recentReferrals.length > 200) recentReferrals.splice(0, recentReferrals.length - 200);
    if (week % 5 === 4) {
      const m = pick(current);
      call('setAttendance', { meetingId: meeting.id, memberId: m.id, mark: 'M', substituteName: '', reason: 'Was excused: told the president the day before' });
    }
  }
  return { meetings, lastMeetingOn, lastMeetingId, memberIds: allMembers };
}

/** A week's slips as the secretary would have typed them: the kind, the two members and the details, drawn from rand. */
interface DrawnSlip {
  roll: number;
  a: { id: string; name: string };
  b: { id: string; name: string };
}
function drawSlip(w: OpenWeek, rand: () => number): DrawnSlip {
  const a = w.current[Math.floor(rand() * w.current.length)]!;
  let b = w.current[Math.floor(rand() * w.current.length)]!;
  while (b.id === a.id) b = w.current[Math.floor(rand() * w.current.length)]!;
  return { roll: rand(), a, b };
}

export function writeChapterHistory(api: Registry, shape: HistoryShape): WrittenHistory {
  const rand = seeded(shape.seed ?? 16);
  const call = <T = { id: string }>(method: string, input: unknown): T => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method} refused while writing the chapter history: ${result.error.message}`);
    return result.value as T;
  };
  const recentReferrals: string[] = [];
  let slips = 0;
  const weeks = chapterWeeks(call, shape, rand, recentReferrals);
  for (let next = weeks.next(); ; next = weeks.next()) {
    if (next.done) return { ...next.value, slips };
    const { week, meetingId, count } = next.value;
    for (let s = 0; s < count; s++, slips++) {
      const { roll, a: ma, b: mb } = drawSlip(next.value, rand);
      const [a, b] = [ma.id, mb.id];
      if (roll < 0.45) {
        const saved = call('saveReferral', { meetingId, giverId: a, receiverId: b, referralKind: rand() < 0.3 ? 'inside' : 'outside', temperature: 1 + Math.floor(rand() * 5), prospectName: `Prospect ${week}-${s}`, prospectPhone: '+49 30 1234567', note: rand() < 0.2 ? 'Needs a quote before the end of the month' : '', confirmDuplicate: true });
        recentReferrals.push(saved.id);
      } else if (roll < 0.6) {
        call('saveTyfcb', { meetingId, closerId: a, referrerId: b, amount: `${100 + Math.floor(rand() * 5000)},${String(Math.floor(rand() * 100)).padStart(2, '0')}`, business: rand() < 0.6 ? 'new' : 'repeat', tyfcbKind: 'outside', confirmDuplicate: true });
      } else if (roll < 0.85) {
        call('saveOneToOne', { meetingId, memberAId: a, memberBId: b, note: '', confirmDuplicate: true });
      } else if (roll < 0.93) {
        call('saveVisitor', { meetingId, name: `Visitor ${week}-${s}`, company: 'Guest GmbH', classificationSought: 'Trades', invitedById: a, confirmDuplicate: true });
      } else {
        call('saveCeu', { meetingId, memberId: a, credits: 1 + Math.floor(rand() * 3), note: 'Podcast', confirmDuplicate: true });
      }
    }
  }
}

/** What the Slips Audit import said for one week (the bench sums them). */
export interface ImportedWeek {
  created: number;
  problems: number;
}

/**
 * The same chapter, its slips imported week by week from BNI Connect's Slips Audit Report (CSV) into the
 * open meeting, through the registry's preview and import (as the Import screen does: preview, then import
 * with the same answers). Attendance, churn, closing, follow-ups and amendments as in writeChapterHistory.
 */
export async function writeChapterHistoryByImport(api: Registry, shape: HistoryShape & { onImported?: (week: ImportedWeek) => void }, chapterFile: Database.Database): Promise<WrittenHistory> {
  const rand = seeded(shape.seed ?? 16);
  const call = <T = { id: string }>(method: string, input: unknown): T => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method} refused while writing the chapter history: ${result.error.message}`);
    return result.value as T;
  };
  const callAsync = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await api.callAsync(method, input);
    if (!result.ok) throw new Error(`${method} refused while writing the chapter history: ${result.error.message}`);
    return result.value as T;
  };
  const recentReferrals: string[] = [];
  let slips = 0;
  // The referrals an import created, in the file's order: the batch's audit entry lists every slip it made
  // (the page's copy of the entry is shortened for a large batch, so the writer reads the entry in the file).
  const batchEntry = chapterFile.prepare("SELECT after FROM audit_log WHERE entity = 'import_batch' AND entity_id = ? AND action = 'import'").pluck();
  const header = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'New/Repeat', 'CEU Credits', 'Detail'];
  const weeks = chapterWeeks(call, shape, rand, recentReferrals);
  for (let next = weeks.next(); ; next = weeks.next()) {
    if (next.done) return { ...next.value, slips };
    const { week, day, count } = next.value;
    const rows: string[][] = [];
    for (let s = 0; s < count; s++) {
      const { roll, a, b } = drawSlip(next.value, rand);
      if (roll < 0.45) rows.push([a.name, b.name, 'Referral', rand() < 0.3 ? 'Inside' : 'Outside', '', '', '', `Prospect ${week}-${s}`]);
      else if (roll < 0.6) rows.push([a.name, b.name, 'TYFCB', 'Outside', `${100 + Math.floor(rand() * 5000)},${String(Math.floor(rand() * 100)).padStart(2, '0')} €`, rand() < 0.6 ? 'Neu' : 'Wiederholung', '', '']);
      else if (roll < 0.85) rows.push([a.name, b.name, 'One-to-One', '', '', '', '', '']);
      else if (roll < 0.93) rows.push([a.name, `Visitor ${week}-${s}`, 'Visitor', '', '', '', '', 'Guest GmbH']);
      else rows.push([a.name, '', 'CEU', '', '', '', String(1 + Math.floor(rand() * 3)), 'Podcast']);
    }
    const [y, m, d] = day.split('-');
    const csv = Papa.unparse([[`Slips Audit Report for ${d}/${m}/${y}`], ['Ten Years Chapter'], [''], header, ...rows], { newline: '\r\n' });
    // The preview asks how the file writes dates when its title's date reads both ways; the answer is day first.
    const input = { fileName: `slips-audit-${day}.csv`, contentBase64: Buffer.from(csv).toString('base64'), dateOrder: 'dmy' };
    const preview = await callAsync<{ meetingOn: string; counts: { new: number; problem: number } }>('previewSlipsAuditImport', input);
    if (preview.meetingOn !== day || preview.counts.problem > 0) throw new Error(`The Slips Audit file of ${day} previewed as ${preview.meetingOn} with ${preview.counts.problem} problem rows.`);
    const imported = await callAsync<{ created: number; problems: unknown[]; batchId: string | null }>('importSlipsAudit', input);
    slips += imported.created;
    shape.onImported?.({ created: imported.created, problems: imported.problems.length });
    // Six of this week's referrals (the file's last six) are followed up after the meeting, as writeChapterHistory
    // does: taken from this week's import batch, not by paging through every open referral of the chapter.
    const entry = imported.batchId ? (batchEntry.get(imported.batchId) as string | undefined) : undefined;
    const made = entry ? ((JSON.parse(entry) as { slips?: { referral?: Array<[string, number]> } }).slips?.referral ?? []) : [];
    for (const [id] of made.slice(-6)) recentReferrals.push(id);
  }
}

