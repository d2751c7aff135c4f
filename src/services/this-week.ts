// "This week": the lists the leadership team acts on between meetings, and the weekly summary
// text for the chapter's messaging group. Opening it also brings new visitor slips into the
// pipeline and drafts the absence letters that became due, so the lists are never behind.
import { sql } from 'drizzle-orm';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Db } from '../db/open';
import type { ThisWeek } from '../shared/contract';
import { addDays, formatDay } from '../shared/dates';
import { formatMoney } from '../shared/money';
import { chapterTimeZone } from '../shared/time-zone';
import { absenceLetterReport } from '../reports/absence-letter';
import { renderPdf } from '../reports/render';
import { draftAbsenceLetters, lettersForThisWeek, readLetters } from './absence-letters';
import { readApplications } from './applications';
import { requireChapter, chapterToday } from './chapter';
import { renewalsRadar } from './renewals';
import { seatMap } from './seats';
import { chapterTotals, membersWithoutRecentReferral } from './tallies';
import { lookAtVisitorSlips, visitorsToFollowUp } from './visitors';
import { LedgerError } from '../shared/errors';
import { fileNameWords } from '../shared/file-name-words';

export function thisWeek(db: Db, today: string = chapterToday(db)): ThisWeek {
  const waiting = db.transaction((tx) => lookAtVisitorSlips(tx));
  draftAbsenceLetters(db, today);
  const chapter = requireChapter(db);
  const followUps = visitorsToFollowUp(db, today);
  const applicants = readApplications(db, today, 'waiting');
  const radar = renewalsRadar(db, today);
  const letters = lettersForThisWeek(db);

  // Open seats by contact sphere, with how many open visitors want each one.
  const interest = new Map(
    db
      .all<{ classificationId: string; n: number }>(sql`
        SELECT coalesce(p.classification_id, c.id) AS classificationId, count(*) AS n
        FROM prospects p LEFT JOIN classifications c ON c.name = p.classification_sought COLLATE NOCASE
        WHERE p.stage IN ('visited', 'followed_up', 'invited_back') GROUP BY 1`)
      .map((r) => [r.classificationId, r.n]),
  );
  const openSeats = seatMap(db)
    .spheres.map((s) => ({
      sphereName: s.name,
      classifications: s.classifications.filter((c) => c.seat === 'open').map((c) => ({ id: c.id, name: c.name, visitorsInterested: interest.get(c.id) ?? 0 })),
    }))
    .filter((s) => s.classifications.length > 0);

  const noRecentReferral = membersWithoutRecentReferral(db, { from: addDays(today, -7 * chapter.noReferralWeeks), to: today }, today, chapter.noReferralWeeks);
  const memberCount = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM members WHERE status IN ('active', 'on_leave')`)!.n;

  return {
    today,
    visitorsToFollowUp: followUps.listed,
    visitorsToFollowUpTotal: followUps.total,
    visitorSlipsWaiting: waiting,
    applicantsWaiting: applicants,
    renewalsDue: radar.rows,
    lettersToReview: letters.toReview,
    committeeToDecide: letters.committee,
    openSeats,
    noRecentReferral,
    noReferralWeeks: chapter.noReferralWeeks,
    summaryText: weeklySummary(db, today, radar.rows, openSeats),
    isEmptyChapter: memberCount === 0,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The text pasted into the chapter's messaging group after a meeting. */
export function weeklySummary(db: Db, today: string, renewals: ThisWeek['renewalsDue'], openSeats: ThisWeek['openSeats']): string {
  const chapter = requireChapter(db);
  const last = db.get<{ on: string | null }>(sql`SELECT max(meeting_on) AS "on" FROM meetings WHERE status = 'completed' AND meeting_on <= ${today}`)?.on;
  const lines: string[] = [`${chapter.name}: the week of ${formatDay(today, chapter.locale)}`];
  if (last) {
    const t = chapterTotals(db, { from: last, to: last });
    lines.push(
      '',
      `Meeting of ${formatDay(last, chapter.locale)}`,
      `Attendance: ${t.p} present, ${t.l} late, ${plural(t.s, 'substitute')}, ${t.m} medical, ${t.a} absent`,
      `Referrals: ${t.referralsInside + t.referralsOutside} (${t.referralsInside} inside, ${t.referralsOutside} outside)`,
      `Thank you for closed business: ${formatMoney(t.tyfcbMinor, chapter.currency, chapter.locale)}`,
      `Visitors: ${t.visitors}`,
      `One-to-ones: ${t.oneToOnes}`,
    );
  } else {
    lines.push('', 'No meeting has been closed yet.');
  }
  const soon = renewals.filter((r) => r.daysUntilDue >= 0 && r.daysUntilDue <= 30);
  lines.push('', soon.length > 0 ? `Renewals in the next 30 days: ${soon.map((r) => `${r.name} (${formatDay(r.renewalDue, chapter.locale)})`).join(', ')}` : 'No renewals in the next 30 days.');
  const seats = openSeats.flatMap((s) => s.classifications.map((c) => c.name));
  lines.push(seats.length > 0 ? `Open seats — who do you know? ${seats.join(', ')}` : 'Every seat is taken.');
  return lines.join('\n');
}

/** An absence letter as a PDF (rendered outside any transaction). */
export async function absenceLetterPdf(db: Db, id: string, options: { fontsDir: string; producedAt?: Date }): Promise<{ fileName: string; pdfBase64: string }> {
  const chapter = requireChapter(db);
  const letter = readLetters(db, sql`l.id = ${id}`)[0];
  if (!letter) throw new LedgerError('not_found', 'That letter does not exist.', 'id');
  const definition: TDocumentDefinitions = absenceLetterReport({ chapterName: chapter.name, locale: chapter.locale, timeZone: chapterTimeZone(chapter.timeZone), letter }, options.producedAt ?? new Date());
  const bytes = await renderPdf(definition, { fontsDir: options.fontsDir });
  const slug = fileNameWords;
  return { fileName: `${slug(chapter.name)}-attendance-letter-${slug(letter.memberName)}-${letter.reachedOn}.pdf`, pdfBase64: bytes.toString('base64') };
}
