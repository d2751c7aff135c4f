// A chapter file written the way the app writes one: every member, meeting, attendance mark, slip,
// amendment and follow-up goes through the registry (validation, services, audit log), week after
// week. No ANALYZE of its own: the file gets only what the app itself does to it. Used by
// `npm run bench` (ten years of a 60-member chapter) and, small, by the query-plan test.
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

export function writeChapterHistory(api: Registry, shape: HistoryShape): WrittenHistory {
  const rand = seeded(shape.seed ?? 16);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const call = <T = { id: string }>(method: string, input: unknown): T => {
    const result = api.call(method, input);
    if (!result.ok) throw new Error(`${method} refused while writing the chapter history: ${result.error.message}`);
    return result.value as T;
  };

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
    return call('addMember', { firstName: first, lastName: last, company: `${last} & Partners GmbH`, classificationId, joinedOn, renewalDue: addDays(joinedOn, 365) }).id;
  };
  const joined = addDays(shape.firstMeetingOn, -30);
  const current = seats.map((classificationId) => ({ id: seat(classificationId, joined), classificationId }));
  const allMembers = current.map((m) => m.id);

  let day = shape.firstMeetingOn;
  let slips = 0;
  let meetings = 0;
  let lastMeetingId = '';
  let lastMeetingOn = day;
  const recentReferrals: string[] = [];
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
      current[slot] = { id: newcomer, classificationId: leaving.classificationId };
      allMembers.push(newcomer);
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
    for (let s = 0; s < count; s++, slips++) {
      const a = pick(current).id;
      let b = pick(current).id;
      while (b === a) b = pick(current).id;
      const roll = rand();
      if (roll < 0.45) {
        const saved = call('saveReferral', { meetingId: meeting.id, giverId: a, receiverId: b, referralKind: rand() < 0.3 ? 'inside' : 'outside', temperature: 1 + Math.floor(rand() * 5), prospectName: `Prospect ${week}-${s}`, prospectPhone: '+49 30 1234567', note: rand() < 0.2 ? 'Needs a quote before the end of the month' : '', confirmDuplicate: true });
        recentReferrals.push(saved.id);
      } else if (roll < 0.6) {
        call('saveTyfcb', { meetingId: meeting.id, closerId: a, referrerId: b, amount: `${100 + Math.floor(rand() * 5000)},${String(Math.floor(rand() * 100)).padStart(2, '0')}`, business: rand() < 0.6 ? 'new' : 'repeat', tyfcbKind: 'outside', confirmDuplicate: true });
      } else if (roll < 0.85) {
        call('saveOneToOne', { meetingId: meeting.id, memberAId: a, memberBId: b, note: '', confirmDuplicate: true });
      } else if (roll < 0.93) {
        call('saveVisitor', { meetingId: meeting.id, name: `Visitor ${week}-${s}`, company: 'Guest GmbH', classificationSought: 'Trades', invitedById: a, confirmDuplicate: true });
      } else {
        call('saveCeu', { meetingId: meeting.id, memberId: a, credits: 1 + Math.floor(rand() * 3), note: 'Podcast', confirmDuplicate: true });
      }
    }
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
  return { meetings, slips, lastMeetingOn, lastMeetingId, memberIds: allMembers };
}
