// Import files written at test time for a chapter's own members: a BNI Connect slips audit export
// (CSV) and a roster CSV, in the layouts the fixtures in tests/fixtures show.
import Papa from 'papaparse';

/**
 * A slips audit export for the meeting on `meetingOn` (YYYY-MM-DD) between the members named; its title
 * block names `chapterName` (none: the line is left blank — a file naming another chapter than the one
 * open is imported only when the secretary says it is theirs).
 */
export function slipsAuditCsv(meetingOn: string, names: string[], chapterName: string | null = null): Buffer {
  const [a, b, c, d] = [names[0]!, names[1]!, names[2] ?? names[0]!, names[3] ?? names[1]!];
  const [y, m, day] = meetingOn.split('-');
  const rows = [
    [`Slips Audit Report for ${day}/${m}/${y}`, '', '', '', '', '', ''],
    [chapterName ?? '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'],
    [a, b, 'Referral', 'Outside', '', '', 'Alvarez family - buying a first home'],
    [b, a, 'Referral', 'Inside', '', '', 'Keystone staff relocation'],
    [b, a, 'TYFCB', 'Outside', '$1,250.50', '', 'New'],
    [c, d, 'One-to-One', '', '', '', 'Coffee at the harbour'],
    [d, '', 'CEU', '', '', '2', 'Podcast & webinar'],
  ];
  return Buffer.from(Papa.unparse(rows), 'utf8');
}

/** A roster of new members in new classifications. */
export function rosterCsv(people: Array<[first: string, last: string, classification: string]>): Buffer {
  const rows = [['First Name', 'Last Name', 'Company', 'Classification', 'Email', 'Phone', 'Joined On', 'Renewal Due', 'Status']];
  for (const [first, last, classification] of people) rows.push([first, last, `${last} & Co`, classification, '', '', '2026-01-06', '2027-01-06', 'Active']);
  return Buffer.from(Papa.unparse(rows), 'utf8');
}

/** BNI Connect's Chapter PALMS Attendance Report for the weeks given (YYYY-MM-DD), US layout. */
export function attendanceReportCsv(weeks: string[], names: string[]): Buffer {
  const header = weeks.map((d) => `${d.slice(5, 7)}/${d.slice(8, 10)}`);
  const us = (d: string) => `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
  const rows = [['Chapter PALMS Attendance Report'], ['From', us(weeks[0]!)], ['To', us(weeks.at(-1)!)], [''], ['First Name', 'Last Name', ...header]];
  for (const [i, name] of names.entries()) {
    const [first, ...rest] = name.split(' ');
    rows.push([first!, rest.join(' '), ...weeks.map((_, w) => ['P', 'A', 'L', 'M'][(i + w) % 4]!)]);
  }
  return Buffer.from(Papa.unparse(rows, { newline: '\r\n' }), 'utf8');
}
