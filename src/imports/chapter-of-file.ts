// The chapter a BNI Connect report is for, read from its title block, against the chapter file open:
// a file downloaded for the neighbouring chapter is warned about in the preview and imported only once
// the secretary says it is theirs.
import { anotherChapterConfirmLabel } from '../shared/another-chapter';
import { LedgerError } from '../shared/errors';
import { foldName } from '../shared/names';
import { reportTitleWords } from './title-date';
import type { Table } from './spreadsheet';

/** "BNI Harbour Connectors Chapter" and "harbour connectors" are one chapter name. */
const chapterKey = (name: string) => foldName(name).replace(/^bni\s+/, '').replace(/\s+chapter$/, '');

// The attendance report's own words in its title, and the labels of its parameter rows (From, To, Chapter).
const attendanceTitleWords = /(?<!\p{L})(attendance|palms|anwesenheit|présence|presence|asistencia|aanwezigheid|presenze|presença|presenca)(?!\p{L})/iu;
const parameterLabels = /^(from|to|von|bis|de|desde|du|au|à|a|hasta|van|tot|t\/m|da|al|até|ate|run by|printed by|chapter|kapitel|chapitre|cap[ií]tulo|capitolo|hoofdstuk)\s*:?$/iu;
const chapterLabels = /^(chapter|chapter name|kapitel|chapitre|cap[ií]tulo|capitolo|hoofdstuk)\s*:?$/iu;
const hasDate = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/;

/**
 * The chapter the title block names: a "Chapter: …" parameter row when there is one, else the first cell
 * with words that is no title (report, attendance), no parameter row (From, To) and no date.
 */
export function chapterNamedIn(titleRows: Table): string | null {
  for (const row of titleRows) {
    const cells = row.map((c) => c.trim());
    const i = cells.findIndex((c) => chapterLabels.test(c));
    if (i >= 0) {
      const value = cells.slice(i + 1).find((c) => c !== '');
      if (value) return value;
    }
    const labelled = cells.map((c) => /^(chapter|chapter name|kapitel|chapitre|cap[ií]tulo|capitolo|hoofdstuk)\s*:\s*(.+)$/iu.exec(c)).find(Boolean);
    if (labelled) return labelled[2]!.trim();
  }
  for (const row of titleRows) {
    const cells = row.map((c) => c.trim()).filter((c) => c !== '');
    if (cells.length === 0 || parameterLabels.test(cells[0]!)) continue;
    const named = cells.find((c) => /\p{L}/u.test(c) && !reportTitleWords.test(c) && !attendanceTitleWords.test(c) && !hasDate.test(c));
    if (named) return named;
  }
  return null;
}

const checkAdvice = ' Check that this is the right file (or the right chapter file is open) before importing.';

/** A sentence when the file names another chapter than the one open; null when the same (however written) or none. */
export function chapterWarningOf(titleRows: Table, openChapter: string): string | null {
  const named = chapterNamedIn(titleRows);
  if (!named || chapterKey(named) === chapterKey(openChapter)) return null;
  return `This file is for ${named}; the open chapter is ${openChapter}.${checkAdvice}`;
}

/**
 * A file naming another chapter is imported only once the secretary has said it is theirs (a renamed
 * chapter, a title typed differently): the neighbouring chapter's slips or attendance, imported with one
 * click past a yellow note, would be counted in this chapter's figures.
 */
export function refuseUnconfirmedChapter(warning: string | null, confirmed: boolean | undefined): void {
  if (!warning || confirmed) return;
  throw new LedgerError('invalid_input', `${warning.replace(checkAdvice, '')} Nothing was imported. If it is the right file, tick "${anotherChapterConfirmLabel}" and import again; if not, choose this chapter's file (or open the right chapter file).`, 'anotherChapter');
}

/** What the import's audit entry keeps when a file naming another chapter was imported on the secretary's word (null: it named none). */
export function anotherChapterOverride(warning: string | null): string | null {
  return warning ? `${warning.replace(checkAdvice, '')} Imported on the secretary's word that it is this chapter's file.` : null;
}

const slipsAuditWords = /(?<!\p{L})slips?\s+audit(?!\p{L})/iu;
const summaryWords = /(?<!\p{L})(summary|zusammenfassung|résumé|resume|resumen|samenvatting|riepilogo|resumo|sommaire)(?!\p{L})/iu;

/** Whether a title block names BNI Connect's Chapter Summary PALMS Report (First Name and Last Name like the attendance report, then totals). */
export function palmsSummaryNamedIn(titleRows: Table): boolean {
  return titleRows.some((row) => {
    const line = row.join(' ');
    return summaryWords.test(line) && attendanceTitleWords.test(line) && !slipsAuditWords.test(line);
  });
}

/**
 * The other BNI Connect report a title block names, when a file is chosen on the wrong tab: the Slips Audit
 * import then says the file looks like the PALMS attendance report (and the other way round) instead of only
 * asking which of its columns is From, To and Slip type.
 */
export function otherReportNamedIn(titleRows: Table, importing: 'slips_audit' | 'attendance'): string | null {
  const lines = titleRows.map((row) => row.join(' '));
  // The Chapter Summary PALMS Report (totals per member for a period) is neither: it is checked against our own figures.
  if (palmsSummaryNamedIn(titleRows)) {
    return `This looks like BNI Connect's Chapter Summary PALMS Report (each member's totals for a period), not ${importing === 'slips_audit' ? 'a Slips Audit Report' : 'the PALMS Attendance Report'}: it is not imported; choose "Check against BNI Connect PALMS" above to compare it with the ledger.`;
  }
  if (importing === 'slips_audit' && lines.some((l) => attendanceTitleWords.test(l) && !slipsAuditWords.test(l))) {
    return "This looks like BNI Connect's Chapter PALMS Attendance Report, not a Slips Audit Report: import it on the Attendance report tab.";
  }
  if (importing === 'attendance' && lines.some((l) => slipsAuditWords.test(l))) {
    return "This looks like BNI Connect's Slips Audit Report, not the PALMS Attendance Report: import it on the Slips audit tab.";
  }
  return null;
}
