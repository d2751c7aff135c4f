// Slips audit report in BNI Connect's layout: every slip of a period, meeting by meeting, with totals.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Period, Slip } from '../shared/contract';
import { dayIn } from '../shared/time-zone';
import { dataTable, documentFrame, emptyNote, inProgress, moneyIn, type Cell, type ColumnWidth } from './layout';

export interface SlipsAuditData {
  chapterName: string;
  currency: string;
  locale: string;
  period: Period;
  meetings: Array<{ meetingOn: string; slips: Slip[] }>;
  timeZone: string;
}

/** A slip as BNI Connect's audit row: From, To, Slip Type, Inside/Outside, TYFCB, CEU Credits, Detail. */
export function auditRow(s: Slip, money: (minor: number) => string): Cell[] {
  switch (s.kind) {
    case 'referral':
      return [s.giverName, s.receiverName, 'Referral', s.referralKind === 'inside' ? 'Inside' : 'Outside', '', '', `${s.prospectName} · temperature ${s.temperature}${s.note ? ` · ${s.note}` : ''}`];
    case 'tyfcb':
      return [s.closerName, s.referrerName, 'TYFCB', s.tyfcbKind === 'tier3' ? 'Tier 3' : s.tyfcbKind === 'inside' ? 'Inside' : 'Outside', money(s.amountMinor), '', `${s.business === 'new' ? 'New' : 'Repeat'} business${s.note ? ` · ${s.note}` : ''}`];
    case 'one_to_one':
      return [s.memberAName, s.memberBName, 'One-to-One', '', '', '', `Met ${s.metOn}${s.note ? ` · ${s.note}` : ''}`];
    case 'visitor':
      return [s.invitedByName ?? '', s.name, 'Visitor', '', '', '', [s.company, s.classificationSought].filter(Boolean).join(' · ')];
    case 'ceu':
      return [s.memberName, '', 'CEU', '', '', s.credits, s.note];
    case 'outside_party':
      if (s.slipType === 'referral') return [s.fromName, s.toName, 'Referral', s.slipKind === 'inside' ? 'Inside' : 'Outside', '', '', `${s.prospectName} · temperature ${s.temperature ?? 3}${s.note ? ` · ${s.note}` : ''}`];
      if (s.slipType === 'tyfcb') return [s.fromName, s.toName, 'TYFCB', s.slipKind === 'tier3' ? 'Tier 3' : s.slipKind === 'inside' ? 'Inside' : 'Outside', money(s.amountMinor ?? 0), '', `${s.business === 'repeat' ? 'Repeat' : 'New'} business${s.note ? ` · ${s.note}` : ''}`];
      return [s.fromName, s.toName, 'One-to-One', '', '', '', `Met ${s.metOn ?? ''}${s.note ? ` · ${s.note}` : ''}`];
  }
}

export function slipsAuditReport(data: SlipsAuditData, producedAt: Date): TDocumentDefinitions {
  const money = moneyIn(data.currency, data.locale);
  const all = data.meetings.flatMap((m) => m.slips);
  // Slips with someone outside the chapter are listed with the rest and counted with their type.
  const typeOf = (s: Slip) => (s.kind === 'outside_party' ? s.slipType : s.kind);
  const count = (kind: Slip['kind']) => all.filter((s) => typeOf(s) === kind).length;
  const tyfcb = all.reduce((sum, s) => sum + (s.kind === 'tyfcb' ? s.amountMinor : s.kind === 'outside_party' ? (s.amountMinor ?? 0) : 0), 0);
  const credits = all.reduce((sum, s) => sum + (s.kind === 'ceu' ? s.credits : 0), 0);
  const headers = ['From', 'To', 'Slip Type', 'Inside/Outside', 'TYFCB', 'CEU Credits', 'Detail'];
  const widths: ColumnWidth[] = [95, 95, 58, 66, 72, 52, '*'];
  const sections: Content[] = data.meetings.flatMap((m) => [
    { text: `Meeting of ${m.meetingOn} (${m.slips.length} slip${m.slips.length === 1 ? '' : 's'})`, style: 'h3' },
    m.slips.length ? dataTable(headers, m.slips.map((s) => auditRow(s, money)), { widths, numeric: [4, 5], fontSize: 7.5, orientation: 'landscape' }) : emptyNote('No slips.'),
  ]);
  return documentFrame({ chapterName: data.chapterName, title: 'Slips audit report', producedAt, locale: data.locale, timeZone: data.timeZone, landscape: true, inProgress: inProgress(data.period, dayIn(producedAt, data.timeZone), 'period') }, [
    { text: 'Slips audit report', style: 'title' },
    { text: `${data.period.from} to ${data.period.to} · ${data.meetings.length} closed meetings · ${all.length} slips`, style: 'subtitle' },
    ...sections,
    { text: 'Totals', style: 'h2' },
    dataTable(
      ['Referrals', 'TYFCB slips', 'TYFCB amount', 'One-to-Ones', 'Visitors', 'CEU slips', 'CEU credits'],
      [[count('referral'), count('tyfcb'), money(tyfcb), count('one_to_one'), count('visitor'), count('ceu'), credits]],
      { numeric: [0, 1, 2, 3, 4, 5, 6], bold: [0], orientation: 'landscape' },
    ),
  ]);
}
