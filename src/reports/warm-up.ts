// The report engine made ready behind the window, so the first PDF of a session costs what every later
// one does. The first document pdfmake lays out in a process runs its code cold (V8 has not compiled
// it yet) and opens the Latin fonts: about five times the CPU of the same document printed again
// (weekly report: ~1 s against ~0.2 s). A small document in the reports' own layout, printed a few
// times while nobody waits, pays that once; each pass is short and they are spaced out, so the main
// thread keeps answering the window in between. Nothing is written anywhere.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { MemberScore, MemberTally } from '../shared/contract';
import type { Cell } from './layout';
import { dataTable, documentFrame, emptyNote } from './layout';
import { allStatementsReport, type MemberStatementData } from './member-statement';
import { matrixPage } from './quarterly-audit';
import { renderPdf } from './render';

/** The quarterly audit's "who referred whom" page for `n` made-up members (a landscape page, a grid drawn with whole rules). */
function warmUpMatrix(n: number, pass: number, name: (i: number) => string): Content[] {
  const members = Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, name: name(i) }));
  const cells = members.flatMap((giver, g) => members.filter((_, r) => r !== g && (g * 7 + r + pass) % 3 === 0).map((receiver) => ({ giverId: giver.memberId, receiverId: receiver.memberId, referrals: 1 + ((g + pass) % 4), tyfcbMinor: 0, tyfcbDisputedMinor: 0 })));
  return matrixPage({ members, cells });
}

/** The chapter's own member names, cycled (their scripts' fonts are opened and shaped here, not at the first real print). */
function namesFrom(names: readonly string[]): (i: number) => string {
  return (i) => names[i % names.length] ?? `Member ${i} Lastname`;
}

function warmUpDocument(pass: number, name: (i: number) => string) {
  const rows: Cell[][] = Array.from({ length: 40 }, (_, i) => [name(i), `Prospect ${pass}-${i}`, i % 3 ? 'Outside' : 'Inside', (i % 5) + 1, `$${(i * 1234.5).toFixed(2)}`]);
  rows.push([{ text: 'Total', bold: true }, '', '', 120, '$96,291.00']);
  return documentFrame({ chapterName: 'Warm-up', title: 'Warm-up', producedAt: new Date('2026-01-01T00:00:00Z'), locale: 'en-US', timeZone: 'UTC' }, [
    { text: 'Warm-up', style: 'title' },
    { text: 'Section', style: 'h2' },
    dataTable(['From', 'Prospect', 'Inside/Outside', 'Temp.', 'Amount'], rows, { widths: ['*', '*', 70, 36, 80], numeric: [3, 4], bold: [40] }),
    { text: [{ text: 'P — Present (3): ', bold: true }, 'A, B, C'], margin: [0, 0, 0, 3] },
    { text: 'Small print.', style: 'small' },
    emptyNote('None.'),
    // Every other pass the audit's matrix page too: its first print was ~0.5 s after a warm-up without it.
    ...(pass % 2 ? warmUpMatrix(30, pass, name) : []),
  ]);
}

/**
 * Prints `passes` small documents, `gapMs` apart, with the chapter's member `names` in them; resolves when
 * done. Never throws (a print later would say what is wrong).
 */
export async function warmUpReports(fontsDir: string, passes = 8, gapMs = 40, names: readonly string[] = []): Promise<void> {
  try {
    for (let pass = 0; pass < passes; pass++) {
      await renderPdf(warmUpDocument(pass, namesFrom(names)), { fontsDir });
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  } catch {
    // Warming up is only a head start.
  }
}

/**
 * A made-up member's statement as long as a busy member's year, with every part a real one prints (the
 * given-and-received table, attendance, the scorecard with its categories, older open referrals not
 * listed): a part the warm-up leaves out is compiled during the job itself, in each worker.
 */
function warmUpStatement(n: number, name: (i: number) => string): MemberStatementData {
  const day = (i: number) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const open = Array.from({ length: 40 }, (_, i) => ({ meetingOn: day(i), giverName: name(i % 2 ? n : i), receiverName: name(i % 2 ? i : n), prospectName: `Prospect ${n}-${i}`, status: i % 3 ? 'contacted' : 'meeting_set', daysOpen: 10 + i }));
  const tally: MemberTally = {
    memberId: `m${n}`, firstName: 'Warm', lastName: `Up ${n}`, name: name(n), classificationName: `Classification ${n}`, status: 'active', leftDuringPeriod: false,
    p: 48, a: 2, l: 1, m: 1, s: 0, rgi: 9 + n, rgo: 14, rri: 11, rro: 16 + n, visitors: 3, oneToOnes: 21, ceus: 12,
    tyfcbReceivedMinor: 2_923_812 + n, tyfcbGeneratedMinor: 1_974_407, tyfcbReceivedDisputedMinor: n % 2 ? 50_000 : 0, tyfcbReceivedDisputedSlips: n % 2, tyfcbGeneratedDisputedMinor: 0, tyfcbGeneratedDisputedSlips: 0,
    outsideRgi: 0, outsideRgo: 0, outsideRri: 0, outsideRro: 0, outsideOneToOnes: 0, outsideTyfcbReceivedMinor: 0, outsideTyfcbGeneratedMinor: 0,
  };
  const category = (id: string, points: number, maxPoints: number) => ({ id, label: `Category ${id}`, value: points / 20, display: (points / 20).toFixed(2), working: `${points} in 26 weeks`, points, maxPoints, rule: maxPoints ? `\u2265 ${(points / 40).toFixed(2)} per week \u2192 ${points} points` : 'shown, not scored by this profile', next: points < maxPoints ? `\u2265 1.00 per week for ${maxPoints} points` : null });
  const score: MemberScore = {
    memberId: `m${n}`, name: name(n), status: 'active', meetings: 26, points: 55, maxPoints: 100, band: 'yellow', bandLabel: 'Yellow', scored: true,
    explanation: '55 points on 26 counted weeks: yellow; 15 more for green (from 70).',
    categories: [category('attendance', 20, 20), category('referrals', 5, 20), category('one_to_ones', 10, 20), category('ceus', 10, 20), category('visitors', 10, 20), category('tyfcb', 0, 0), category('sponsors', 0, 0)],
    nextColour: { band: 'green', bandLabel: 'Green', target: 70, text: '15 more points for green (from 70): 6 more referrals given and 2 more visitors brought in the period would do it.' },
    rollOff: null,
    alert: null,
  };
  return {
    chapterName: 'Warm-up',
    currency: 'USD',
    locale: 'en-US',
    period: { from: '2026-01-01', to: '2026-12-31' },
    member: { name: name(n), company: `Company ${n}`, classificationName: `Classification ${n}` },
    tally,
    trend: {
      months: [],
      tyfcbDisputed: { generatedMinor: 0, generatedSlips: 0, receivedMinor: 0, receivedSlips: 0 },
      givesTo: Array.from({ length: 19 }, (_, i) => ({ memberId: String(i), name: name(i), referrals: 19 - i })),
      receivesFrom: Array.from({ length: 23 }, (_, i) => ({ memberId: String(i), name: name(i + 20), referrals: 23 - i })),
      oneToOnesWith: Array.from({ length: 19 }, (_, i) => ({ memberId: String(i), name: name(i + 40), oneToOnes: 19 - i })),
    },
    openReferrals: open as unknown as MemberStatementData['openReferrals'],
    openReferralsTotal: open.length + 166,
    openReferralsNotListed: { count: 166, from: '2021-08-17', to: '2025-10-21' },
    score,
    scorePeriod: { from: '2026-05-01', to: '2026-10-31' },
    scorePeriodWords: 'May 2026 to October 2026: the last 6 completed calendar months, ending with October 2026.',
    scoreProfileName: 'Warm-up profile',
    timeZone: 'UTC',
    referralsGiven: Array.from({ length: 24 }, (_, i) => ({ meetingOn: day(i), receiverName: name(i), prospectName: `Prospect ${n}-${i}`, status: i % 3 ? 'won' : 'new', statusOn: i % 3 ? day(i + 1) : null, tyfcbMinor: i % 3 ? 123450 * i : 0, tyfcbDisputedMinor: i === 5 ? 10_000 : 0 })),
  };
}

/** "All statements" of four made-up members with the chapter's member `names`: what the statements workers warm up with. */
export function warmUpStatementsDefinition(names: readonly string[] = []): TDocumentDefinitions {
  const statements = Array.from({ length: 4 }, (_, i) => warmUpStatement(i, namesFrom(names)));
  const frame = { chapterName: 'Warm-up', title: 'Member statements', producedAt: new Date('2026-01-01T00:00:00Z'), locale: 'en-US', timeZone: 'UTC' };
  return allStatementsReport(frame, statements);
}

/**
 * The statements workers' head start: "All statements" of made-up members printed `passes` times (until
 * `stopped`), with the chapter's member `names`. Much of the statements' code is theirs alone (the long
 * tables, the part-by-part page breaks), so the small document above leaves a first job at about twice its
 * warm time. Never throws.
 */
export async function warmUpStatements(fontsDir: string, passes = 4, stopped: () => boolean = () => false, names: readonly string[] = []): Promise<void> {
  try {
    // A job waiting is begun at once: its own statements warm the code up as well as these would.
    for (let pass = 0; pass < passes && !stopped(); pass++) await renderPdf(warmUpStatementsDefinition(names), { fontsDir });
  } catch {
    // Warming up is only a head start.
  }
}
