// An absence letter on one page: the chapter's letter as leadership reviewed it, then the meetings
// that counted, so the member can check the dates.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AbsenceLetter } from '../shared/contract';
import { formatDay } from '../shared/dates';
import { dataTable, documentFrame } from './layout';

export interface AbsenceLetterData {
  chapterName: string;
  locale: string;
  timeZone: string;
  letter: AbsenceLetter;
}

const markWords: Record<string, string> = { A: 'Absent', L: 'Late', S: 'Substitute beyond the allowance', M: 'Medical beyond the allowance' };

export function absenceLetterReport(data: AbsenceLetterData, producedAt: Date): TDocumentDefinitions {
  const { letter } = data;
  const dated = letter.sentOn ?? letter.reviewedOn ?? letter.reachedOn;
  const content: Content[] = [
    { text: formatDay(dated, data.locale), alignment: 'right', margin: [0, 0, 0, 16] },
    { text: letter.memberName, bold: true, margin: [0, 0, 0, 14] },
    ...letter.body.split(/\n{2,}/).map((paragraph) => ({ text: paragraph, fontSize: 10.5, lineHeight: 1.3, margin: [0, 0, 0, 9] as [number, number, number, number] })),
    { text: 'Meetings counted', style: 'h3', margin: [0, 18, 0, 4] },
    dataTable(
      ['Meeting', 'Recorded as'],
      letter.countedMeetings.map((m) => [formatDay(m.on, data.locale), markWords[m.mark] ?? m.mark]),
      { widths: [120, '*'] },
    ),
  ];
  return documentFrame(
    { chapterName: data.chapterName, title: letter.level === 'final' ? 'Attendance: final letter' : 'Attendance: warning letter', producedAt, locale: data.locale, timeZone: data.timeZone, draft: letter.status === 'draft' },
    content,
  );
}
