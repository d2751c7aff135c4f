// The demo chapter: a realistic quarter of a 30-member chapter, written in one transaction.
// It is deterministic (a seeded generator, dates counted back from today) and shaped like real
// chapters: a few strong givers, a few members who only take, one-way pairs, open seats.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { attendance, ceus, meetings, oneToOnes, referralStatusHistory, referrals, tyfcbSlips, visitors } from '../db/schema';
import { addDays, nextWeekday, todayIso } from '../shared/dates';
import { lostReasons, type LeadershipRole, type MemberStatus } from '../shared/domain';
import { LedgerError } from '../shared/errors';
import { getChapter, saveChapter } from './chapter';
import { saveClassification, saveContactSphere } from './classifications';
import { addMember, updateMember } from './members';
import { seedLeadershipDemo } from './demo-leadership';

interface DemoMember {
  first: string;
  last: string;
  company: string;
  classification: string;
  joined: string;
  status?: MemberStatus;
  role?: LeadershipRole;
  sponsor?: string;
  /** How much this member gives (0 = only takes) and how attractive a receiver they are. */
  gives: number;
  receives: number;
}

const spheres: Record<string, { description: string; classifications: string[] }> = {
  'Home & Property': {
    description: 'Buying, moving into and keeping up a home.',
    classifications: ['Real Estate — Residential', 'Mortgage Broker', 'Home Inspector', 'Moving Services', 'Landscaping', 'Interior Design', 'Roofing', 'Plumbing'],
  },
  'Business Services': {
    description: 'What every small business owner needs.',
    classifications: ['Accountant (CPA)', 'Business Attorney', 'Commercial Banking', 'Payroll Services', 'IT Managed Services', 'Commercial Insurance'],
  },
  'Health & Wellness': {
    description: 'Keeping owners and their teams healthy.',
    classifications: ['Chiropractor', 'Dentist', 'Physical Therapy', 'Personal Training', 'Nutrition Coaching'],
  },
  'Events & Hospitality': {
    description: 'Weddings, parties and corporate events.',
    classifications: ['Florist', 'Catering', 'Photography', 'Event Planning', 'Travel Agency'],
  },
  'Marketing & Media': {
    description: 'Getting a business seen.',
    classifications: ['Graphic Design', 'Web Development', 'Commercial Printing', 'Social Media Marketing', 'Video Production'],
  },
  'Financial Planning': {
    description: 'Protecting and growing wealth.',
    classifications: ['Financial Advisor', 'Estate Planning Attorney', 'Life Insurance', 'Tax Preparation'],
  },
  Automotive: {
    description: 'Cars for families and fleets.',
    classifications: ['Auto Repair', 'Auto Detailing'],
  },
};

const roster: DemoMember[] = [
  { first: 'Dana', last: 'Ruiz', company: 'Ruiz Realty Group', classification: 'Real Estate — Residential', joined: '2025-03-04', role: 'president', gives: 5, receives: 4 },
  { first: 'Marcus', last: 'Chen', company: 'Keystone Mortgage', classification: 'Mortgage Broker', joined: '2021-06-15', role: 'vice_president', gives: 4, receives: 4 },
  { first: 'Priya', last: 'Raman', company: 'Raman & Co. CPAs', classification: 'Accountant (CPA)', joined: '2019-09-10', role: 'secretary_treasurer', gives: 5, receives: 3 },
  { first: 'Tom', last: "O'Brien", company: 'Clearview Inspections', classification: 'Home Inspector', joined: '2022-01-11', sponsor: 'Dana Ruiz', gives: 2, receives: 3 },
  { first: 'Lucía', last: 'Fernández', company: 'Bloom & Stem', classification: 'Florist', joined: '2023-04-18', role: 'visitor_host', gives: 3, receives: 2 },
  { first: 'Greg', last: 'Holloway', company: 'Holloway Law PLLC', classification: 'Business Attorney', joined: '2020-02-25', gives: 1, receives: 4 },
  { first: 'Aisha', last: 'Bello', company: 'Summit Chiropractic', classification: 'Chiropractor', joined: '2022-08-09', role: 'education_coordinator', gives: 3, receives: 2 },
  { first: 'Ken', last: 'Watanabe', company: 'Pixel Forge Studio', classification: 'Web Development', joined: '2023-10-03', gives: 2, receives: 3 },
  { first: 'Sofia', last: 'Rossi', company: 'Rossi Events', classification: 'Event Planning', joined: '2024-01-16', sponsor: 'Lucía Fernández', gives: 3, receives: 2 },
  { first: 'Brian', last: 'Kowalski', company: 'Two Guys Moving', classification: 'Moving Services', joined: '2021-11-30', gives: 0, receives: 3 },
  { first: 'Nadia', last: 'Haddad', company: 'Haddad Wealth Partners', classification: 'Financial Advisor', joined: '2020-07-07', role: 'membership_committee', gives: 4, receives: 3 },
  { first: 'Oliver', last: 'Grant', company: 'Greenline Landscapes', classification: 'Landscaping', joined: '2024-05-21', sponsor: 'Tom O\'Brien', gives: 1, receives: 2 },
  { first: 'Mei', last: 'Lin', company: 'Lin Interiors', classification: 'Interior Design', joined: '2023-02-14', gives: 2, receives: 2 },
  { first: 'Carlos', last: 'Mendoza', company: 'Mendoza Plumbing', classification: 'Plumbing', joined: '2022-03-22', gives: 2, receives: 3 },
  { first: 'Hannah', last: 'Schmidt', company: 'First Valley Bank', classification: 'Commercial Banking', joined: '2021-04-06', gives: 3, receives: 2 },
  { first: 'Ravi', last: 'Patel', company: 'PayRight Payroll', classification: 'Payroll Services', joined: '2024-09-10', sponsor: 'Priya Raman', gives: 1, receives: 2 },
  { first: 'Jordan', last: 'Blake', company: 'Blake IT Solutions', classification: 'IT Managed Services', joined: '2022-10-18', role: 'mentor_coordinator', gives: 3, receives: 3 },
  { first: 'Emily', last: 'Carter', company: 'Bright Smiles Dental', classification: 'Dentist', joined: '2021-01-12', gives: 0, receives: 3 },
  { first: 'Samuel', last: 'Okafor', company: 'Motion PT', classification: 'Physical Therapy', joined: '2023-07-25', sponsor: 'Aisha Bello', gives: 2, receives: 2 },
  { first: 'Chloé', last: 'Dubois', company: 'Fresh Table Catering', classification: 'Catering', joined: '2022-05-03', gives: 2, receives: 3 },
  { first: 'Isaac', last: 'Levi', company: 'Golden Hour Photo', classification: 'Photography', joined: '2023-03-28', gives: 2, receives: 2 },
  { first: 'Grace', last: 'Nguyen', company: 'Inkwell Design', classification: 'Graphic Design', joined: '2024-02-27', gives: 2, receives: 1 },
  { first: 'Peter', last: 'Novak', company: 'Novak Print & Sign', classification: 'Commercial Printing', joined: '2020-10-20', gives: 1, receives: 2 },
  { first: 'Zoë', last: 'Martín', company: 'Buzzline Social', classification: 'Social Media Marketing', joined: '2025-01-14', sponsor: 'Ken Watanabe', gives: 2, receives: 2 },
  { first: 'William', last: 'Ashford', company: 'Ashford Estate Law', classification: 'Estate Planning Attorney', joined: '2021-08-31', gives: 0, receives: 3 },
  { first: 'Fatima', last: 'Zahra', company: 'Shield Life Insurance', classification: 'Life Insurance', joined: '2022-12-06', gives: 3, receives: 1 },
  { first: 'Derek', last: 'Stone', company: 'Stone Auto Care', classification: 'Auto Repair', joined: '2020-04-14', gives: 2, receives: 2 },
  { first: 'José', last: 'Müller-Łukasz', company: 'Shine Mobile Detailing', classification: 'Auto Detailing', joined: '2024-11-05', gives: 1, receives: 1 },
  { first: 'Rachel', last: 'Adams', company: 'Adams Nutrition', classification: 'Nutrition Coaching', joined: '2023-09-12', status: 'on_leave', gives: 1, receives: 1 },
  { first: 'Liam', last: 'Murphy', company: 'Murphy Roofing', classification: 'Roofing', joined: 'applied two weeks ago', status: 'applicant', sponsor: 'Carlos Mendoza', gives: 0, receives: 0 },
];

/** Members who left; their seats show history. The first was Dana Ruiz's predecessor. */
const formerMembers = [
  { first: 'Steve', last: 'Harlan', company: 'Harlan Homes', classification: 'Real Estate — Residential', joined: '2019-05-07', left: '2025-02-25' },
  { first: 'Monica', last: 'Reyes', company: 'Reyes Insurance', classification: 'Commercial Insurance', joined: '2020-03-03', left: '2025-08-26' },
];

/** Pairs where the first gives to the second week after week and nothing comes back. */
const oneWayPairs: Array<[string, string]> = [
  ['Priya Raman', 'Greg Holloway'],
  ['Dana Ruiz', 'Brian Kowalski'],
  ['Nadia Haddad', 'William Ashford'],
  ['Marcus Chen', 'Emily Carter'],
];

const prospects = [
  'Alvarez family', 'Bennett Dental Group', 'Cole Hardware', 'Diaz & Sons', 'Evergreen Café', 'Foster Logistics', 'Garcia household',
  'Harper Yoga Studio', 'Ito Engineering', 'Jensen Farms', 'Klein Bakery', 'Lopez Construction', 'Morgan Veterinary', 'Nash Architects',
  'Ortiz Salon', 'Park family', 'Quinn Brewing', 'Reed Pharmacy', 'Santos Fitness', 'Taylor Boutique', 'Underwood Dental', 'Vance Auto Body',
  'Walsh family', 'Young Music School', 'Zimmerman Clinic',
];

const visitorsPool = [
  { name: 'Kara Lind', company: 'Lind Roofing Co.', sought: 'Roofing' },
  { name: 'Victor Hale', company: 'Hale Commercial Insurance', sought: 'Commercial Insurance' },
  { name: 'Amara Obi', company: 'FitLife Training', sought: 'Personal Training' },
  { name: 'Ben Foster', company: 'Wanderlust Travel', sought: 'Travel Agency' },
  { name: 'Elena Petrova', company: 'Frame by Frame Video', sought: 'Video Production' },
  { name: 'Noah Kim', company: 'Kim Tax Services', sought: 'Tax Preparation' },
  { name: 'Sara Lopez', company: 'Lopez Realty', sought: 'Real Estate — Residential' },
  { name: 'Ahmed Karim', company: 'Karim Cleaning', sought: 'Commercial Cleaning' },
];

const substitutes = ['Jamie (office manager)', 'Pat Rivera', 'Chris Lee', 'Morgan Hale'];

/** A small seeded generator (mulberry32) so the demo is the same on every machine. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(items: readonly T[], weight: (item: T) => number): T => {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r <= 0) return item;
    }
    return items[items.length - 1]!;
  };
  return { next, int, pick, weighted };
}

export const DEMO_MEETINGS = 13;

export function loadDemoChapter(db: Db, today: string = todayIso()) {
  if (getChapter(db)) {
    throw new LedgerError('conflict', 'This file already holds a chapter; the demo only loads into an empty file.');
  }
  const rand = seeded(20261122);
  return db.transaction((tx) => {
    saveChapter(tx, {
      name: 'Riverside Business Builders',
      region: 'Riverside County',
      meetingWeekday: 2,
      meetingTime: '07:00',
      currency: 'USD',
      locale: 'en-US',
      absenceLimit: 3,
      absenceWindowMonths: 6,
      noReferralWeeks: 4,
      openReferralDays: 30,
    });

    const classificationIds = new Map<string, string>();
    const sphereOf = new Map<string, string>();
    for (const [name, sphere] of Object.entries(spheres)) {
      const saved = saveContactSphere(tx, { name, description: sphere.description });
      for (const classification of sphere.classifications) {
        classificationIds.set(classification, saveClassification(tx, { name: classification, sphereId: saved.id }).id);
        sphereOf.set(classification, name);
      }
    }

    // Former holders first, so the seats they left carry history.
    for (const former of formerMembers) {
      const added = addMember(tx, {
        confirmJoinDate: true,
        firstName: former.first,
        lastName: former.last,
        company: former.company,
        classificationId: classificationIds.get(former.classification)!,
        phone: '',
        email: '',
        status: 'active',
        joinedOn: former.joined,
        renewalDue: null,
        sponsorId: null,
        leadershipRole: null,
      });
      updateMember(tx, { ...added, status: 'former', leftOn: former.left, renewalDue: null, leadershipRole: null, sponsorId: null, id: added.id });
    }

    // The last meeting is the most recent meeting day before today.
    const lastMeeting = nextWeekday(addDays(today, -7), 2);
    const firstMeeting = addDays(lastMeeting, -7 * (DEMO_MEETINGS - 1));

    const memberIds = new Map<string, string>();
    for (const person of roster) {
      const joined = person.status === 'applicant' ? addDays(today, -14) : person.joined;
      const fullName = `${person.first} ${person.last}`;
      const anniversary = nextAnniversary(joined, today);
      const added = addMember(tx, {
        confirmJoinDate: true,
        firstName: person.first,
        lastName: person.last,
        company: person.company,
        classificationId: classificationIds.get(person.classification)!,
        phone: `(951) 555-${String(1000 + memberIds.size * 37).slice(-4)}`,
        email: `${person.first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@${person.company.toLowerCase().replace(/[^a-z]/g, '')}.example`,
        status: person.status ?? 'active',
        joinedOn: joined,
        renewalDue: person.status === 'applicant' ? null : anniversary,
        sponsorId: person.sponsor ? memberIds.get(person.sponsor) ?? null : null,
        leadershipRole: person.role ?? null,
      });
      memberIds.set(fullName, added.id);
    }

    const seated = roster.filter((m) => m.status !== 'applicant');
    const attending = seated.filter((m) => m.status !== 'on_leave');
    const idOf = (m: DemoMember) => memberIds.get(`${m.first} ${m.last}`)!;
    const byName = new Map(roster.map((m) => [`${m.first} ${m.last}`, m]));
    let referralCount = 0;
    let tyfcbCount = 0;
    const openReferrals: Array<{ id: string; giver: string; receiver: string; week: number }> = [];
    let closedCount = 0;

    for (let week = 0; week < DEMO_MEETINGS; week++) {
      const meetingOn = addDays(firstMeeting, 7 * week);
      const meeting = tx
        .insert(meetings)
        .values({ meetingOn, status: 'completed', closedAt: `${meetingOn}T09:30:00.000Z` })
        .returning({ id: meetings.id })
        .get();

      const present: DemoMember[] = [];
      for (const m of seated) {
        let mark: 'P' | 'A' | 'L' | 'M' | 'S' = 'P';
        let substituteName: string | null = null;
        if (m.status === 'on_leave') mark = 'M';
        else {
          const r = rand.next();
          // Members who only take also tend to miss meetings.
          const absentRisk = m.gives === 0 ? 0.16 : 0.04;
          if (r < absentRisk) mark = 'A';
          else if (r < absentRisk + 0.04) mark = 'L';
          else if (r < absentRisk + 0.06) mark = 'M';
          else if (r < absentRisk + 0.09) {
            mark = 'S';
            substituteName = rand.pick(substitutes);
          }
        }
        tx.insert(attendance).values({ meetingId: meeting.id, memberId: idOf(m), mark, substituteName }).run();
        if (mark === 'P' || mark === 'L') present.push(m);
      }

      for (const giver of present) {
        const slips = giver.gives === 0 ? 0 : rand.int(0, giver.gives > 3 ? 3 : giver.gives > 1 ? 2 : 1);
        for (let s = 0; s < slips; s++) {
          // The receiving side of a one-way pair never gives back.
          const candidates = attending.filter(
            (m) => m !== giver && !oneWayPairs.some(([a, b]) => byName.get(b) === giver && byName.get(a) === m),
          );
          const receiver = rand.weighted(candidates, (m) =>
            m.receives * (sphereOf.get(m.classification) === sphereOf.get(giver.classification) ? 3 : 1),
          );
          const ref = tx
            .insert(referrals)
            .values({
              meetingId: meeting.id,
              giverId: idOf(giver),
              receiverId: idOf(receiver),
              kind: rand.next() < 0.3 ? 'inside' : 'outside',
              temperature: rand.int(1, 5),
              prospectName: rand.pick(prospects),
              prospectPhone: `(951) 555-${rand.int(2000, 9999)}`,
              status: 'new',
            })
            .returning({ id: referrals.id })
            .get();
          openReferrals.push({ id: ref.id, giver: idOf(giver), receiver: idOf(receiver), week });
          referralCount++;
        }
      }
      for (const [from, to] of oneWayPairs) {
        const giver = byName.get(from)!;
        if (!present.includes(giver) || rand.next() < 0.4) continue;
        const ref = tx
          .insert(referrals)
          .values({
            meetingId: meeting.id,
            giverId: idOf(giver),
            receiverId: memberIds.get(to)!,
            kind: 'outside',
            temperature: rand.int(3, 5),
            prospectName: rand.pick(prospects),
            note: 'Asked for an introduction.',
            status: 'new',
          })
          .returning({ id: referrals.id })
          .get();
        openReferrals.push({ id: ref.id, giver: idOf(giver), receiver: memberIds.get(to)!, week });
        referralCount++;
      }

      // Referrals from three or more weeks ago close: some won (a TYFCB slip), some lost.
      for (const open of openReferrals.filter((r) => r.week === week - 3)) {
        const r = rand.next();
        const status = r < 0.45 ? 'won' : r < 0.65 ? 'lost' : r < 0.85 ? 'meeting_set' : 'contacted';
        tx.update(referrals)
          .set({ status, statusChangedAt: `${meetingOn}T08:00:00.000Z` })
          .where(sql`${referrals.id} = ${open.id}`)
          .run();
        {
          // The follow-up as the receiver recorded it: contacted within days, a meeting the week after,
          // then the outcome. Derived from a counter, not the random stream, so the figures above stay put.
          const given = addDays(firstMeeting, 7 * open.week);
          const k = closedCount++;
          const entry = (st: typeof status, on: string, lostReason: (typeof lostReasons)[number] | null = null) =>
            tx.insert(referralStatusHistory).values({ referralId: open.id, status: st, changedOn: on, recordedById: open.receiver, lostReason }).run();
          entry('contacted', addDays(given, 1 + (k % 5)));
          if (status !== 'contacted' && !(status === 'lost' && k % 3 === 0)) entry('meeting_set', addDays(given, 8 + (k % 4)));
          if (status === 'won' || status === 'lost') entry(status, meetingOn, status === 'lost' ? lostReasons[k % lostReasons.length]! : null);
        }
        if (status === 'won') {
          const dollars = rand.weighted([250, 800, 1500, 3200, 7500, 14000], (a) => (a > 5000 ? 1 : 3));
          tx.insert(tyfcbSlips)
            .values({
              meetingId: meeting.id,
              closerId: open.receiver,
              referrerId: open.giver,
              amountMinor: (dollars + rand.int(0, 99)) * 100 + rand.pick([0, 0, 50, 25]),
              currency: 'USD',
              business: rand.next() < 0.8 ? 'new' : 'repeat',
              kind: rand.next() < 0.3 ? 'inside' : 'outside',
              referralId: open.id,
            })
            .run();
          tyfcbCount++;
        }
      }

      // One-to-ones: strong givers book them; stored as an ordered pair.
      for (let k = 0; k < rand.int(4, 8); k++) {
        const a = rand.weighted(present, (m) => m.gives + 1);
        const b = rand.pick(present.filter((m) => m !== a));
        if (!b) continue;
        const [first, second] = [idOf(a), idOf(b)].sort() as [string, string];
        tx.insert(oneToOnes).values({ meetingId: meeting.id, memberAId: first, memberBId: second, metOn: addDays(meetingOn, -rand.int(1, 6)) }).run();
      }

      for (let v = 0; v < rand.int(0, 3); v++) {
        const guest = rand.pick(visitorsPool);
        const host = rand.weighted(present, (m) => m.gives + 0.5);
        tx.insert(visitors)
          .values({
            meetingId: meeting.id,
            name: guest.name,
            company: guest.company,
            classificationSought: guest.sought,
            classificationId: classificationIds.get(guest.sought) ?? null,
            invitedById: idOf(host),
            followUp: week < DEMO_MEETINGS - 2 ? rand.pick(['contacted', 'invited_back', 'not_interested'] as const) : 'new',
          })
          .run();
      }

      for (let c = 0; c < rand.int(2, 6); c++) {
        const learner = rand.pick(present);
        tx.insert(ceus)
          .values({ meetingId: meeting.id, memberId: idOf(learner), credits: 1, note: rand.pick(['Podcast episode', 'Online training module', 'Chapter education slot', 'Regional workshop']) })
          .run();
      }
    }

    seedLeadershipDemo(tx, today, memberIds);

    return { members: memberIds.size, meetings: DEMO_MEETINGS, referrals: referralCount, tyfcbSlips: tyfcbCount };
  });
}

function nextAnniversary(joined: string, today: string): string {
  const [, month, day] = joined.split('-');
  const year = Number(today.slice(0, 4));
  const candidate = `${year}-${month}-${day === '29' && month === '02' ? '28' : day}`;
  return candidate >= today ? candidate : `${year + 1}-${candidate.slice(5)}`;
}
